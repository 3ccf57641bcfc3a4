using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using IdeogramJobs.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace IdeogramJobs.Deployment.Tests;

/// <summary>How long each service gives itself to stop, read from the code that sets it, so compose's grace can be checked against it.</summary>
public static partial class ShutdownTimeouts
{
    public const string SiloVariable = "SILO_SHUTDOWN_TIMEOUT_SECONDS";

    /// <summary>
    /// The silo's: SILO_SHUTDOWN_TIMEOUT_SECONDS from the environment when the silo reads it (its options default
    /// otherwise), else the literal HostOptions.ShutdownTimeout in silo/IdeogramJobs.Silo/Program.cs.
    /// </summary>
    public static TimeSpan Silo(IReadOnlyDictionary<string, string> environment)
    {
        var option = typeof(IdeogramJobs.Silo.Commands.SiloCommand).Assembly.GetTypes()
            .SelectMany(type => type.GetProperties().Select(property => (type, property)))
            .FirstOrDefault(x => x.property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name == SiloVariable);
        if (option.property is not null)
        {
            var seconds = environment.TryGetValue(SiloVariable, out var configured)
                ? Convert.ToDouble(configured, CultureInfo.InvariantCulture)
                : Convert.ToDouble(option.property.GetValue(Activator.CreateInstance(option.type)), CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(seconds);
        }

        return FromSource("silo/IdeogramJobs.Silo") ?? throw new InvalidOperationException(
            $"Neither an option read from {SiloVariable} nor a literal HostOptions.ShutdownTimeout was found in the silo.");
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
