namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>
/// One request's draw from the seeded sequence: its injected outcome, the seed its first image gets
/// when none was requested, and where its generation time falls within its speed's range (0 to 1).
/// </summary>
public sealed record RequestDraw(InjectedOutcome Outcome, int UnrequestedSeed, double LatencyFraction);
