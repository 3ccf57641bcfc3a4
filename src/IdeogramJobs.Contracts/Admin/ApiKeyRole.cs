namespace IdeogramJobs.Contracts.Admin;

/// <summary>What a key of an account may do: run jobs and manage images (User), or also shape the account's job types (Admin).</summary>
[GenerateSerializer, Alias("ideogramjobs.api-key-role")]
public enum ApiKeyRole
{
    User,
    Admin,
}
