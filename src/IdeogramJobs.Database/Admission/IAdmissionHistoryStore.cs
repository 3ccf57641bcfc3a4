namespace IdeogramJobs.Database.Admission;

/// <summary>The admissions an account's rate limits and daily quota are charged with, read back from its jobs.</summary>
public interface IAdmissionHistoryStore
{
    /// <summary>The account's image jobs created in the windows ending at <paramref name="asOf"/>.</summary>
    Task<AdmissionHistory> ReadAsync(string accountId, DateTimeOffset asOf, CancellationToken cancellationToken);
}
