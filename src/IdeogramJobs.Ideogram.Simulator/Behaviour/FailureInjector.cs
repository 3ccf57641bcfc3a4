using IdeogramJobs.Ideogram.Simulator.Options;

namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>
/// Draws each authenticated generate request's fate (and its generation time) from one seeded
/// <see cref="Random"/>, in arrival order, so that the same seed and the same request sequence give
/// the same outcomes and latencies. Every request
/// draws, whatever its content, so a 400 in the sequence shifts nothing it would not shift for real.
/// </summary>
public sealed class FailureInjector(SimulatorSettingsStore settings)
{
    private readonly Lock gate = new();
    private Random random = new(settings.Current.Seed);

    /// <summary>Starts the sequence again from <paramref name="seed"/>.</summary>
    public void Restart(int seed)
    {
        lock (gate)
        {
            random = new Random(seed);
        }
    }

    public RequestDraw Draw()
    {
        var current = settings.Current;
        double roll;
        int unrequestedSeed;
        double latencyFraction;
        lock (gate)
        {
            roll = random.NextDouble();
            unrequestedSeed = random.Next(0, int.MaxValue);
            latencyFraction = random.NextDouble();
        }
        return new RequestDraw(Decide(roll, current), unrequestedSeed, latencyFraction);
    }

    private static InjectedOutcome Decide(double roll, SimulatorOptions settings)
    {
        var threshold = settings.FailureRate429;
        if (roll < threshold)
        {
            return InjectedOutcome.RateLimited;
        }
        threshold += settings.FailureRate500;
        if (roll < threshold)
        {
            return InjectedOutcome.ServerError;
        }
        threshold += settings.FailureRate503;
        if (roll < threshold)
        {
            return InjectedOutcome.ServiceUnavailable;
        }
        threshold += settings.FailureRateHang;
        return roll < threshold ? InjectedOutcome.Hang : InjectedOutcome.None;
    }
}
