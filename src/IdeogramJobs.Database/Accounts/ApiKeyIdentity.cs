using IdeogramJobs.Contracts.Admin;

namespace IdeogramJobs.Database.Accounts;

/// <summary>Who a presented key is.</summary>
public sealed record ApiKeyIdentity(long KeyId, string AccountId, ApiKeyRole Role, bool AccountIsActive);
