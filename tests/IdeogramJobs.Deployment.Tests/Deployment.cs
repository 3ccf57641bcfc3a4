using System.Text.Json;

namespace IdeogramJobs.Deployment.Tests;

/// <summary>docker-compose.yml and the images its services run, as an operator who set only the documented variables gets them.</summary>
public static class Deployment
{
    /// <summary>What the compose file's header asks an operator to set; everything else has a default.</summary>
    public static IReadOnlyDictionary<string, string> OperatorEnvironment { get; } = new Dictionary<string, string>
    {
        ["ADMIN_API_KEY"] = "compose-check-admin-key-0123456789abcdef",
    };

    public static ComposeFile Compose { get; } = ComposeFile.Load(OperatorEnvironment);

    public static IReadOnlyList<string> Dockerfiles { get; } =
        ["silo/Dockerfile", "api/Dockerfile", "src/IdeogramJobs.Ideogram.Simulator/Dockerfile"];

    public static DockerfileImage? ImageOf(ComposeService service) =>
        service.Dockerfile is null ? null : DockerfileImage.Load(service.Dockerfile);

    /// <summary>The image's ENV with the service's environment over it, as the process sees it.</summary>
    public static IReadOnlyDictionary<string, string> ContainerEnvironment(ComposeService service)
    {
        var environment = new Dictionary<string, string>(ImageOf(service)?.Environment ?? new Dictionary<string, string>());
        foreach (var (key, value) in service.Environment)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>The .NET program a service runs (from its image's ENTRYPOINT), or null for a third-party image.</summary>
    public static string? Executable(ComposeService service)
    {
        var entrypoint = ImageOf(service)?.FinalStage.LastOrDefault(i => i.Instruction == "ENTRYPOINT").Arguments;
        return entrypoint is null ? null : JsonSerializer.Deserialize<string[]>(entrypoint)!.Skip(1).FirstOrDefault();
    }

    /// <summary>The arguments after the executable: compose's command, else the image's CMD.</summary>
    public static IReadOnlyList<string> Command(ComposeService service)
    {
        if (service.Command.Count > 0)
        {
            return service.Command;
        }

        var cmd = ImageOf(service)?.FinalStage.LastOrDefault(i => i.Instruction == "CMD").Arguments;
        return cmd is null ? [] : JsonSerializer.Deserialize<string[]>(cmd)!;
    }

    /// <summary>Services that run until stopped, as opposed to one-shot jobs others wait to complete (migrate).</summary>
    public static IEnumerable<ComposeService> LongRunning =>
        Compose.Services.Values.Where(service => !Compose.Services.Values.Any(other =>
            other.DependsOn.TryGetValue(service.Name, out var condition) && condition == "service_completed_successfully"));

    public static IEnumerable<ComposeService> Running(string executable) =>
        Compose.Services.Values.Where(service => Executable(service) == executable && !IsOneShot(service));

    private static bool IsOneShot(ComposeService service) => !LongRunning.Contains(service);
}
