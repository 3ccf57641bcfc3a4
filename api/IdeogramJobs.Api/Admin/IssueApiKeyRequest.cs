using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Admin;

/// <summary>A key to issue for an account: a name to recognise it by and its role ("user" or "admin").</summary>
public sealed record IssueApiKeyRequest
{
    /// <summary>ssnews_api_keys.name is VARCHAR(100).</summary>
    public const int MaxNameLength = 100;

    public static IReadOnlyList<string> Roles { get; } = ["user", "admin"];

    /// <example>publishing pipeline</example>
    public string? Name { get; init; }

    /// <example>user</example>
    public string? Role { get; init; }

    public IReadOnlyList<SettingsError> Validate()
    {
        var errors = new List<SettingsError>();
        AdminTextRules.CheckName(errors, "name", Name, MaxNameLength);
        if (ParsedRole is null)
        {
            errors.Add(new SettingsError("role", "role must be \"user\" (runs jobs, manages images) or \"admin\" (also changes job types).",
                AdminTextRules.Shown(Role), Roles));
        }

        return errors;
    }

    public ApiKeyRole? ParsedRole => Role switch
    {
        "user" => ApiKeyRole.User,
        "admin" => ApiKeyRole.Admin,
        _ => null,
    };
}
