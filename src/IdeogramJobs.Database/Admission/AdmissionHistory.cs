namespace IdeogramJobs.Database.Admission;

/// <summary>
/// What one account was admitted in the windows that end at <see cref="AsOf"/>: the last minute, the last
/// 24 hours and the UTC day so far. A job counts once, with the images its first settings ask for.
/// </summary>
public sealed record AdmissionHistory(
    DateTimeOffset AsOf,
    int JobsLastMinute,
    int ImagesLastMinute,
    int JobsLastDay,
    int ImagesLastDay,
    int ImagesSinceMidnight)
{
    /// <summary>No admissions in any window.</summary>
    public static AdmissionHistory None(DateTimeOffset asOf) => new(asOf, 0, 0, 0, 0, 0);
}
