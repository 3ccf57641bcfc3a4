namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>What the failure injector decided for a request that gets past validation and admission.</summary>
public enum InjectedOutcome
{
    None,
    RateLimited,
    ServerError,
    ServiceUnavailable,
    Hang,
}
