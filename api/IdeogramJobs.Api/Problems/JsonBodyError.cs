using System.Text.Json;
using System.Text.RegularExpressions;

namespace IdeogramJobs.Api.Problems;

/// <summary>
/// What was wrong with a JSON body, said in the body's own terms: the field (a path such as
/// <c>defaultSettings.numImages</c>) and the expected kind of value, without .NET type names.
/// Request records bind through properties, not constructors, so that the type named by the
/// serializer is the field's own.
/// </summary>
public static partial class JsonBodyError
{
    /// <summary>The name used when the fault is in the body as a whole (malformed JSON, a missing body).</summary>
    public const string BodyField = "body";

    /// <summary>One entry per offending field (several when required members are missing).</summary>
    public static IReadOnlyList<(string Field, string Message)> Describe(JsonException exception)
    {
        var field = FieldOf(exception.Path);
        var raw = exception.Message;
        var pathStart = raw.IndexOf(" Path:", StringComparison.Ordinal);
        var text = pathStart >= 0 ? raw[..pathStart] : raw;

        if (MissingRequired().Match(text) is { Success: true } missing)
        {
            return
            [
                .. QuotedNames().Matches(missing.Groups["names"].Value)
                    .Select(m => field == BodyField ? m.Groups["name"].Value : $"{field}.{m.Groups["name"].Value}")
                    .Select(name => (name, $"{name} is required.")),
            ];
        }

        if (ConversionFailed().Match(text) is { Success: true } conversion)
        {
            return [(field, $"{field} must be {Expected(conversion.Groups["type"].Value)}.")];
        }

        if (text.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return [(field, $"{field} is not a known field here.")];
        }

        // What is left comes from the JSON reader (malformed JSON, too deep) or from a converter of
        // ours; both are written for callers and name no .NET types.
        return [(field, field == BodyField ? $"The body is not valid JSON: {text}" : $"{field}: {text}")];
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return BodyField;
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        // STJ writes names that need quoting as ['name']; show them plainly.
        return QuotedName().Replace(field, m => "." + m.Groups["name"].Value).TrimStart('.');
    }

    private static string Expected(string type) => type switch
    {
        "System.String" => "a string",
        "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
        "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "a whole number in range",
        "System.Double" or "System.Nullable`1[System.Double]" => "a number",
        _ when type.Contains("List`1", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ when type.StartsWith("IdeogramJobs.", StringComparison.Ordinal) => "an object",
        _ => "a value of the documented type",
    };

    [GeneratedRegex(@"missing required properties,? including: (?<names>.+?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.?$")]
    private static partial Regex ConversionFailed();

    [GeneratedRegex(@"'(?<name>[^']+)'")]
    private static partial Regex QuotedNames();

    [GeneratedRegex(@"\['(?<name>[^']*)'\]")]
    private static partial Regex QuotedName();
}
