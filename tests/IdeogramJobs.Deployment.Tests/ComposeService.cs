namespace IdeogramJobs.Deployment.Tests;

/// <summary>One service of docker-compose.yml after anchors, merge keys and variables are resolved.</summary>
public sealed record ComposeService(
    string Name,
    IReadOnlyDictionary<string, string> Environment,
    string? Dockerfile,
    string? Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<ComposeVolumeMount> Volumes,
    IReadOnlyList<int> PublishedContainerPorts,
    IReadOnlyList<string>? Healthcheck,
    TimeSpan? StopGracePeriod,
    IReadOnlyDictionary<string, string> DependsOn)
{
    public string? Variable(string name) => Environment.TryGetValue(name, out var value) ? value : null;
}

public sealed record ComposeVolumeMount(string Source, string Target);
