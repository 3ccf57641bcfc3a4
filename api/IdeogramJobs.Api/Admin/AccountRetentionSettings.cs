using IdeogramJobs.Contracts.Retention;

namespace IdeogramJobs.Api.Admin;

/// <summary>An account's own retention periods and the policy in effect with the service defaults filled in.</summary>
public sealed record AccountRetentionSettings(RetentionOverride Overrides, RetentionPolicy Policy);
