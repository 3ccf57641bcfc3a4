using System.Text;
using System.Text.Json;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Settings.Overrides;

/// <summary>
/// Reads the caller's overrides: a JSON object whose keys are setting names (camelCase) plus
/// customPromptAddition. Reports every unknown key, repeated key and wrong JSON type at once;
/// values are checked against the API and the job type later, by <see cref="OverrideValidator"/>.
/// </summary>
public static class OverridesParser
{
    /// <summary>Deep enough for a palette of weighted members (object → object → array → object), and no deeper.</summary>
    public const int MaxDepth = 5;

    public const string OverridesField = "overrides";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    public static ParsedOverrides Parse(string? overridesJson)
    {
        if (string.IsNullOrWhiteSpace(overridesJson))
        {
            return ParsedOverrides.None;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(overridesJson, DocumentOptions);
        }
        catch (JsonException exception)
        {
            return Refused($"overrides are not valid JSON (or are nested more than {MaxDepth} levels deep): {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Null => ParsedOverrides.None,
                JsonValueKind.Object => ReadObject(root),
                _ => Refused($"overrides must be a JSON object such as {{\"numImages\": 2}}, not {SettingValueReader.Describe(root.ValueKind)}."),
            };
        }
    }

    private static ParsedOverrides ReadObject(JsonElement root)
    {
        var errors = new List<SettingsError>();
        var settings = new JobSettings();
        string? addition = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var property in root.EnumerateObject())
        {
            var name = property.Name;
            if (!seen.Add(name))
            {
                errors.Add(new SettingsError(ErrorText.Shorten(name),
                    $"{ErrorText.Shorten(name)} is given more than once; give each override once.",
                    ErrorText.Shorten(property.Value.GetRawText())));
            }
            else if (name == SettingNames.CustomPromptAddition)
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    addition = property.Value.GetString();
                }
                else
                {
                    errors.Add(SettingValueReader.TypeError(name, "a string", property.Value));
                }
            }
            else if (SettingNames.IsMember(name))
            {
                settings = SettingValueReader.Read(settings, name, property.Value, name, errors);
            }
            else
            {
                errors.Add(UnknownField(name, property.Value));
            }
        }

        return new ParsedOverrides(settings, addition, Normalize(root), errors);
    }

    private static SettingsError UnknownField(string name, JsonElement value)
    {
        var shown = ErrorText.Shorten(name);
        var hint = SettingNames.Overridable.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase)) is { } near
            ? $" Names are case-sensitive: did you mean '{near}'?"
            : string.Empty;
        return new SettingsError(shown,
            $"'{shown}' is not a setting that can be overridden.{hint} Known fields: {string.Join(", ", SettingNames.Overridable)}.",
            ErrorText.Shorten(value.GetRawText()),
            SettingNames.Overridable);
    }

    /// <summary>The object compacted, keeping the caller's keys in the caller's order.</summary>
    private static string Normalize(JsonElement root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ParsedOverrides Refused(string message) =>
        ParsedOverrides.None with { Errors = [new SettingsError(OverridesField, message)] };
}
