using System.Globalization;

namespace IdeogramJobs.Benchmarks;

/// <summary>How the benchmark was asked to run: quick (every scenario briefly) or full, which scenarios, and its total bound.</summary>
public sealed record BenchSettings(bool Quick, IReadOnlySet<int> Only)
{
    private const string Usage = "Usage: IdeogramJobs.Benchmarks [--quick] [--only N[,N...]]";
    private const int LastScenario = 15;

    /// <summary>No run lasts longer than this, whatever hangs.</summary>
    public TimeSpan TotalCap => Quick ? TimeSpan.FromMinutes(20) : TimeSpan.FromMinutes(90);

    public bool Includes(int scenario) => Only.Count == 0 || Only.Contains(scenario);

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        var only = new HashSet<int>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--only" when i + 1 < args.Count:
                    foreach (var part in args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        only.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= LastScenario
                            ? number
                            : throw new ArgumentException($"--only takes scenario numbers 1-{LastScenario}, got '{part}'. {Usage}"));
                    }

                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        return new BenchSettings(quick, only);
    }
}
