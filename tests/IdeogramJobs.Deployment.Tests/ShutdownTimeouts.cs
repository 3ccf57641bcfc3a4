using System.Globalization;
using System.Text.RegularExpressions;
using IdeogramJobs.Grains.Draining;
using IdeogramJobs.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace IdeogramJobs.Deployment.Tests;

/// <summary>How long each service gives itself to stop, read from the code that sets it, so compose's grace can be checked against it.</summary>
public static partial class ShutdownTimeouts
{
    /// <summary>The silo's: its drain (SILO_DRAIN_SECONDS from the container's environment, else the default) plus the time to leave the cluster.</summary>
    public static TimeSpan Silo(IReadOnlyDictionary<string, string> environment)
    {
        var drain = new SiloDrainOptions();
        new ConfigurationBuilder().AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))).Build().Bind(drain);
        return drain.ShutdownTimeout;
    }

    /// <summary>The API's: a literal HostOptions.ShutdownTimeout in its sources, else the host's default.</summary>
    public static TimeSpan Api() => FromSource("api/IdeogramJobs.Api") ?? new HostOptions().ShutdownTimeout;

    private static TimeSpan? FromSource(string project)
    {
        var settings = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, project), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(file => ShutdownTimeoutLiteral().Matches(File.ReadAllText(file)))
            .Select(match => TimeSpan.FromSeconds(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)))
            .ToList();
        return settings.Count == 0 ? null : settings.Max();
    }

    [GeneratedRegex(@"ShutdownTimeout\s*=\s*TimeSpan\.FromSeconds\((\d+)\)")]
    private static partial Regex ShutdownTimeoutLiteral();
}
