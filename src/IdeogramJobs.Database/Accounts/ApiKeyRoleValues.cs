using IdeogramJobs.Contracts.Admin;

namespace IdeogramJobs.Database.Accounts;

/// <summary><see cref="ApiKeyRole"/> as ssnews_api_keys.role spells it.</summary>
internal static class ApiKeyRoleValues
{
    public static string ToDatabase(this ApiKeyRole role) => role switch
    {
        ApiKeyRole.User => "user",
        ApiKeyRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not an API key role."),
    };

    public static ApiKeyRole FromDatabase(string value) => value switch
    {
        "user" => ApiKeyRole.User,
        "admin" => ApiKeyRole.Admin,
        _ => throw new ArgumentException($"'{value}' is not an API key role.", nameof(value)),
    };
}
