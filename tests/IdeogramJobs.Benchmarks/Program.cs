using IdeogramJobs.Benchmarks;
using IdeogramJobs.Benchmarks.Peers;
using IdeogramJobs.Benchmarks.Reporting;
using IdeogramJobs.Benchmarks.Scenarios;
using IdeogramJobs.Testing;

// Scenario 2 starts this executable again as a Quartz.NET scheduler instance of its peer baseline.
if (args is [QuartzPeerHost.Argument])
{
    return await QuartzPeerHost.RunAsync();
}

BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var startedAt = DateTime.UtcNow;
IScenario[] scenarios =
[
    new ProviderUtilisationScenario(),
    new OrchestrationThroughputScenario(),
    new ApiLatencyScenario(),
    new RecoveryScenario(),
    new FootprintScenario(),
    new ChaosSoakScenario(),
    new SirvPathScenario(),
    new RealisticProviderScenario(),
    new CapacitySiloKillScenario(),
    new RollingRestartScenario(),
    new DatabaseOutageScenario(),
    new NamespacedHostsScenario(),
    new OrganisationKeysScenario(),
    new WebhookSiloKillScenario(),
    new KeyScaleScenario(),
];

using var cap = new CancellationTokenSource(settings.TotalCap);
var results = new List<ScenarioResult>();
foreach (var scenario in scenarios.Where(s => settings.Includes(s.Number)))
{
    Console.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} running {scenario.Name} ({(settings.Quick ? "quick" : "full")})");
    ScenarioResult result;
    try
    {
        result = await scenario.RunAsync(settings, cap.Token);
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        result = ScenarioResult.Failed(scenario.Name, cap.IsCancellationRequested
            ? $"the run's total cap of {settings.TotalCap.TotalMinutes:0} min was reached"
            : $"{e.GetType().Name}: {e.Message}");
    }

    results.Add(result);
    Console.WriteLine(ResultTable.Render([result]));
}

Console.WriteLine();
Console.WriteLine("==================== summary ====================");
Console.WriteLine(ResultTable.Render(results));
var path = await ResultFile.WriteAsync(RepositoryPaths.Root, settings, startedAt, results);
Console.WriteLine($"[bench] results written to {Path.GetRelativePath(RepositoryPaths.Root, path)}");

// Last, so a CI log that keeps only its tail still names what failed.
foreach (var failed in results.Where(r => !r.Ran))
{
    Console.WriteLine($"[bench] COULD NOT RUN {failed.Name}: {failed.Error}");
}

return results.All(r => r.Ran) ? 0 : 1;
