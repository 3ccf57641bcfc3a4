using System.Text.RegularExpressions;

namespace IdeogramJobs.Api.Accounts;

/// <summary>
/// What an account id may look like where a client names one (routes, X-Account-Id): 1 to 64
/// letters, digits, '-' or '_'. Anything else cannot name an account and is refused before any lookup.
/// </summary>
public static partial class AccountIdFormat
{
    public const string Description = "1 to 64 letters, digits, '-' or '_'";

    public static bool IsValid(string? accountId) => accountId is not null && Pattern().IsMatch(accountId);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex Pattern();
}
