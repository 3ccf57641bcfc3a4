using IdeogramJobs.Ideogram.Simulator.Options;

namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>
/// Draws each authenticated generate request's fate (and its generation time) from one seeded
/// <see cref="Random"/>, in arrival order, so that the same seed and the same request sequence give
/// the same outcomes and latencies. Every request
/// draws, whatever its content, so a 400 in the sequence shifts nothing it would not shift for real.
/// </summary>
public sealed class FailureInjector
{
    private readonly Lock _gate = new();
    private readonly SimulatorSettingsStore _settings;
    private Random _random;

    public FailureInjector(SimulatorSettingsStore settings)
    {
        _settings = settings;
        _random = new Random(settings.Current.Seed);
    }

    /// <summary>Starts the sequence again from <paramref name="seed"/>.</summary>
    public void Restart(int seed)
    {
        lock (_gate)
        {
            _random = new Random(seed);
        }
    }

    public RequestDraw Draw()
    {
        var settings = _settings.Current;
        double roll;
        int unrequestedSeed;
        double latencyFraction;
        lock (_gate)
        {
            roll = _random.NextDouble();
            unrequestedSeed = _random.Next(0, int.MaxValue);
            latencyFraction = _random.NextDouble();
        }
        return new RequestDraw(Decide(roll, settings), unrequestedSeed, latencyFraction);
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
