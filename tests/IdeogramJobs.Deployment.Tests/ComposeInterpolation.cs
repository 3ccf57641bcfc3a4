using System.Text.RegularExpressions;

namespace IdeogramJobs.Deployment.Tests;

/// <summary>
/// Compose's variable substitution: <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>,
/// <c>${VAR:?message}</c>, <c>${VAR?message}</c>, <c>$VAR</c> and <c>$$</c>, against a given host environment.
/// </summary>
public static partial class ComposeInterpolation
{
    public static string Expand(string text, IReadOnlyDictionary<string, string> host) =>
        Variable().Replace(text, match =>
        {
            if (match.Value == "$$")
            {
                return "$";
            }

            var name = match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["bare"].Value;
            var set = host.TryGetValue(name, out var value);
            var empty = !set || string.IsNullOrEmpty(value);
            var argument = match.Groups["argument"].Value;
            return match.Groups["operator"].Value switch
            {
                ":-" => empty ? Expand(argument, host) : value!,
                "-" => set ? value! : Expand(argument, host),
                ":?" when empty => throw new InvalidOperationException($"compose stops: {name} {argument}"),
                "?" when !set => throw new InvalidOperationException($"compose stops: {name} {argument}"),
                _ => value ?? string.Empty,
            };
        });

    /// <summary>The names a text requires to be set (<c>${VAR:?}</c> or <c>${VAR?}</c>): such a file breaks even `docker compose down`.</summary>
    public static IEnumerable<string> RequiredNames(string text) =>
        Variable().Matches(text)
            .Where(m => m.Groups["operator"].Value is ":?" or "?")
            .Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<operator>:-|-|:\?|\?)(?<argument>[^}]*))?\}|\$(?<bare>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
