namespace IdeogramJobs.Contracts.Health;

/// <summary>The answer of a health probe: which silo answered.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.silo-pong")]
public sealed record SiloPong([property: Id(0)] string SiloAddress);
