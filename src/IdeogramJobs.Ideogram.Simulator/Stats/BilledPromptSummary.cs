namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>
/// How billed generations spread over distinct prompts: how many prompts were billed, once or more
/// than once, the most any one prompt was billed, and generations of prompts past the ledger's bound.
/// </summary>
public sealed record BilledPromptSummary(long Prompts, long BilledOnce, long BilledMoreThanOnce, long MostForOnePrompt, long UntrackedGenerations);
