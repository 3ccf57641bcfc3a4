using Microsoft.Net.Http.Headers;

namespace IdeogramJobs.Api.Authentication;

/// <summary>
/// The key a request presents, from <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>;
/// <see cref="Problem"/> says why the headers cannot be used (never quoting the key).
/// </summary>
public sealed record PresentedApiKey(string? Key, string? Problem)
{
    public const string KeyHeader = "X-Api-Key";

    /// <summary>Far above any real key (ours are 47 characters); bounds what is hashed and compared.</summary>
    public const int MaxLength = 512;

    private const string BearerPrefix = "Bearer ";

    public static PresentedApiKey None { get; } = new(null, null);

    public static PresentedApiKey From(HttpRequest request)
    {
        var authorization = request.Headers[HeaderNames.Authorization];
        var apiKey = request.Headers[KeyHeader];
        if (authorization.Count > 1 || apiKey.Count > 1)
        {
            return Refused("Send one API key, in one header.");
        }

        string? bearer = null;
        var authorizationValue = authorization.ToString();
        if (authorizationValue.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            bearer = authorizationValue[BearerPrefix.Length..].Trim();
        }

        var headerKey = apiKey.Count == 1 ? apiKey.ToString().Trim() : null;
        if (bearer is not null && headerKey is not null && !string.Equals(bearer, headerKey, StringComparison.Ordinal))
        {
            return Refused($"The Authorization and {KeyHeader} headers carry different keys; send one.");
        }

        var key = bearer ?? headerKey;
        if (key is null)
        {
            return None;
        }

        return IsWellFormed(key) ? new PresentedApiKey(key, null) : Refused("The API key is malformed.");
    }

    /// <summary>Printable ASCII without spaces, 1 to <see cref="MaxLength"/> characters.</summary>
    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and <= '~');

    private static PresentedApiKey Refused(string problem) => new(null, problem);
}
