namespace IdeogramJobs.Benchmarks.Reporting;

/// <summary>What one scenario measured, or why it could not run (<see cref="Error"/>).</summary>
public sealed record ScenarioResult(string Name, IReadOnlyList<Figure> Figures, IReadOnlyList<string> Notes, string? Error = null)
{
    public bool Ran => Error is null;

    public static ScenarioResult Failed(string name, string error, IReadOnlyList<Figure>? partial = null) =>
        new(name, partial ?? [], [], error);
}
