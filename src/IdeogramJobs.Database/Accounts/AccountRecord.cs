namespace IdeogramJobs.Database.Accounts;

/// <summary>An account and its per-account limit overrides (null: the service default applies).</summary>
public sealed record AccountRecord
{
    public required string AccountId { get; init; }
    public required string OrganizationId { get; init; }
    public required string Name { get; init; }
    public required bool IsActive { get; init; }
    public int? JobsPerMinute { get; init; }
    public int? JobsPerDay { get; init; }
    public int? ImagesPerMinute { get; init; }
    public int? ImagesPerDay { get; init; }
    public int? DailyImageQuota { get; init; }
    public int? MaxConcurrentJobs { get; init; }
    public string? Slug { get; init; }
    public DateTime? CreatedAt { get; init; }
}
