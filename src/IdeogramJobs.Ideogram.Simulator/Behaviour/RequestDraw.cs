namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>One request's draw from the seeded sequence: its injected outcome and the seed its first image gets when none was requested.</summary>
public sealed record RequestDraw(InjectedOutcome Outcome, int UnrequestedSeed);
