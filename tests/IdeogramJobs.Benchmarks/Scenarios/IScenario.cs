using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>One benchmark scenario: it starts what it needs, measures, cleans up, and returns its figures.</summary>
public interface IScenario
{
    /// <summary>The scenario's number in the issue, as <c>--only</c> takes it.</summary>
    int Number { get; }

    string Name { get; }

    Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken);
}
