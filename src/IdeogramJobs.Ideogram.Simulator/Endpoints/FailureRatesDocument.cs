namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>The injected-failure rates (0 to 1 each, at most 1 together) as the control endpoints show them.</summary>
public sealed record FailureRatesDocument(double RateLimited, double ServerError, double ServiceUnavailable, double Hang);
