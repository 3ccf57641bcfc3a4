namespace IdeogramJobs.Benchmarks;

/// <summary>How the benchmark was asked to run: quick (every scenario briefly) or full, and its total bound.</summary>
public sealed record BenchSettings(bool Quick)
{
    /// <summary>No run lasts longer than this, whatever hangs.</summary>
    public TimeSpan TotalCap => Quick ? TimeSpan.FromMinutes(8) : TimeSpan.FromMinutes(45);

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var unknown = args.Where(a => a != "--quick").ToList();
        return unknown.Count > 0
            ? throw new ArgumentException($"Unknown argument(s): {string.Join(' ', unknown)}. Usage: IdeogramJobs.Benchmarks [--quick]")
            : new BenchSettings(args.Contains("--quick"));
    }
}
