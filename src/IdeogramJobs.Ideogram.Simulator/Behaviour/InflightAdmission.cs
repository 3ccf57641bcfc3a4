namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>
/// The limiter's answer: a <see cref="Lease"/> when the request fits, otherwise null with the
/// images already in flight for the key.
/// </summary>
public sealed record InflightAdmission(InflightLease? Lease, int InflightBefore);
