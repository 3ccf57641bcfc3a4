using System.Globalization;
using IdeogramJobs.Testing;
using YamlDotNet.RepresentationModel;

namespace IdeogramJobs.Deployment.Tests;

/// <summary>
/// docker-compose.yml as `docker compose config` would resolve it for a host environment: anchors and
/// <c>&lt;&lt;</c> merge keys applied, variables substituted. Only the keys the deployment checks read are kept.
/// </summary>
public sealed class ComposeFile
{
    public static string Path { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "docker-compose.yml");

    private ComposeFile(IReadOnlyDictionary<string, ComposeService> services) => Services = services;

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    public ComposeService this[string name] =>
        Services.TryGetValue(name, out var service) ? service : throw new KeyNotFoundException($"docker-compose.yml has no service '{name}'.");

    public static string Text => File.ReadAllText(Path);

    /// <summary>The file resolved with only <paramref name="host"/> set, as on an operator's machine with no .env file.</summary>
    public static ComposeFile Load(IReadOnlyDictionary<string, string> host)
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(Text))
        {
            yaml.Load(reader);
        }

        var root = (Dictionary<string, object?>)Resolve(yaml.Documents[0].RootNode, host)!;
        var services = ((Dictionary<string, object?>)root["services"]!)
            .ToDictionary(pair => pair.Key, pair => ToService(pair.Key, (Dictionary<string, object?>)pair.Value!));
        return new ComposeFile(services);
    }

    private static ComposeService ToService(string name, Dictionary<string, object?> service)
    {
        var build = service.GetValueOrDefault("build") as Dictionary<string, object?>;
        var healthcheck = service.GetValueOrDefault("healthcheck") as Dictionary<string, object?>;
        return new ComposeService(
            name,
            EnvironmentOf(service.GetValueOrDefault("environment")),
            build?.GetValueOrDefault("dockerfile") as string,
            service.GetValueOrDefault("image") as string,
            Strings(service.GetValueOrDefault("command")),
            [.. Strings(service.GetValueOrDefault("volumes")).Select(ToMount)],
            [.. Strings(service.GetValueOrDefault("ports")).Select(ContainerPort)],
            healthcheck is null ? null : Strings(healthcheck.GetValueOrDefault("test")),
            service.GetValueOrDefault("stop_grace_period") is string grace ? Duration(grace) : null,
            DependsOnOf(service.GetValueOrDefault("depends_on")));
    }

    private static Dictionary<string, string> EnvironmentOf(object? environment) => environment switch
    {
        Dictionary<string, object?> map => map.ToDictionary(pair => pair.Key, pair => pair.Value as string ?? string.Empty),
        List<object?> list => list.OfType<string>().Select(item => item.Split('=', 2)).ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty),
        _ => [],
    };

    private static Dictionary<string, string> DependsOnOf(object? dependsOn) => dependsOn switch
    {
        Dictionary<string, object?> map => map.ToDictionary(
            pair => pair.Key,
            pair => (pair.Value as Dictionary<string, object?>)?.GetValueOrDefault("condition") as string ?? "service_started"),
        List<object?> list => list.OfType<string>().ToDictionary(item => item, _ => "service_started"),
        _ => [],
    };

    private static List<string> Strings(object? value) => value switch
    {
        List<object?> list => [.. list.Select(item => item as string ?? string.Empty)],
        string text => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
        _ => [],
    };

    private static ComposeVolumeMount ToMount(string volume)
    {
        var parts = volume.Split(':');
        return new ComposeVolumeMount(parts[0], parts[1]);
    }

    private static int ContainerPort(string port) => int.Parse(port.Split(':')[^1].Split('/')[0], CultureInfo.InvariantCulture);

    /// <summary>Compose durations such as 60s, 1m30s or 500ms.</summary>
    public static TimeSpan Duration(string text)
    {
        var total = TimeSpan.Zero;
        foreach (System.Text.RegularExpressions.Match part in System.Text.RegularExpressions.Regex.Matches(text, @"(\d+)(ms|h|m|s)"))
        {
            var amount = int.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                _ => TimeSpan.FromMilliseconds(amount),
            };
        }

        return total;
    }

    private static object? Resolve(YamlNode node, IReadOnlyDictionary<string, string> host) => node switch
    {
        YamlScalarNode scalar => scalar.Value is null ? null : ComposeInterpolation.Expand(scalar.Value, host),
        YamlSequenceNode sequence => sequence.Children.Select(child => Resolve(child, host)).ToList(),
        YamlMappingNode mapping => ResolveMapping(mapping, host),
        _ => null,
    };

    private static Dictionary<string, object?> ResolveMapping(YamlMappingNode mapping, IReadOnlyDictionary<string, string> host)
    {
        var result = new Dictionary<string, object?>();
        var merged = new List<Dictionary<string, object?>>();
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name == "<<")
            {
                var resolved = Resolve(value, host);
                merged.AddRange(resolved is List<object?> many ? many.Cast<Dictionary<string, object?>>() : [(Dictionary<string, object?>)resolved!]);
            }
            else
            {
                result[name] = Resolve(value, host);
            }
        }

        // Keys of the mapping itself win over merged ones; earlier merged mappings win over later ones.
        foreach (var source in merged)
        {
            foreach (var (key, value) in source)
            {
                result.TryAdd(key, value);
            }
        }

        return result;
    }
}
