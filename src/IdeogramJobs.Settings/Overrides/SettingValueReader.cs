using System.Globalization;
using System.Text.Json;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Settings.Overrides;

/// <summary>
/// Reads one JSON value as the named setting, checking only its JSON type (string, integer,
/// palette object, list of strings); whether the value is one the API accepts is
/// V3SettingsValidator's job. Used for override objects and for UI schema defaults.
/// </summary>
internal static class SettingValueReader
{
    private const string PaletteShape = "an object: {\"name\": \"PASTEL\"} or {\"members\": [\"#1B365D\", ...]}";
    private const string MemberShape = "a hex colour string such as \"#1B365D\" or an object {\"color\": \"#1B365D\", \"weight\": 0.5}";

    /// <summary>
    /// <paramref name="settings"/> with the value read into member <paramref name="name"/>; when the
    /// JSON type is wrong, the settings unchanged and an error naming <paramref name="field"/>.
    /// </summary>
    public static JobSettings Read(JobSettings settings, string name, JsonElement value, string field, List<SettingsError> errors)
    {
        if (SettingMembers.IsText(name))
        {
            return value.ValueKind == JsonValueKind.String
                ? SettingMembers.WithText(settings, name, value.GetString()!)
                : Refuse(settings, errors, field, "a string", value);
        }

        switch (name)
        {
            case SettingNames.NumImages:
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count)
                    ? settings with { NumImages = count }
                    : Refuse(settings, errors, field, "an integer", value);
            case SettingNames.Seed:
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seed)
                    ? settings with { Seed = seed }
                    : Refuse(settings, errors, field, "an integer", value);
            case SettingNames.StyleCodes:
                return ReadStrings(value, field, errors) is { } codes ? settings with { StyleCodes = codes } : settings;
            case SettingNames.StyleReferenceImages:
                return ReadStrings(value, field, errors) is { } images ? settings with { StyleReferenceImages = images } : settings;
            case SettingNames.ColorPalette:
                return ReadPalette(value, field, errors) is { } palette ? settings with { ColorPalette = palette } : settings;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Not a JobSettings member.");
        }
    }

    /// <summary>An error saying what JSON type <paramref name="field"/> needs, echoing what was given.</summary>
    public static SettingsError TypeError(string field, string expected, JsonElement value)
    {
        var given = ErrorText.Shorten(value.GetRawText());
        var message = value.ValueKind == JsonValueKind.Null
            ? $"{field} must be {expected}; null is not a value (leave the field out to keep the job type's default)."
            : $"{field} must be {expected}; got {Describe(value.ValueKind)}: {given}.";
        return new SettingsError(field, message, given);
    }

    private static JobSettings Refuse(JobSettings settings, List<SettingsError> errors, string field, string expected, JsonElement value)
    {
        errors.Add(TypeError(field, expected, value));
        return settings;
    }

    private static string[]? ReadStrings(JsonElement value, string field, List<SettingsError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(TypeError(field, "an array of strings", value));
            return null;
        }

        var items = new List<string>();
        var index = 0;
        var allStrings = true;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                errors.Add(TypeError(Indexed(field, index), "a string", item));
                allStrings = false;
            }

            index++;
        }

        return allStrings ? [.. items] : null;
    }

    private static ColorPalette? ReadPalette(JsonElement value, string field, List<SettingsError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(TypeError(field, PaletteShape, value));
            return null;
        }

        string? name = null;
        IReadOnlyList<PaletteMember>? members = null;
        var readable = true;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "name" when property.Value.ValueKind == JsonValueKind.String:
                    name = property.Value.GetString();
                    break;
                case "name":
                    errors.Add(TypeError($"{field}.name", "a string", property.Value));
                    readable = false;
                    break;
                case "members":
                    members = ReadMembers(property.Value, $"{field}.members", errors);
                    readable &= members is not null;
                    break;
                default:
                    var unknown = $"{field}.{ErrorText.Shorten(property.Name)}";
                    errors.Add(new SettingsError(unknown,
                        $"{unknown} is not a colour palette field; a palette has 'name' (a preset) or 'members' (colours).",
                        ErrorText.Shorten(property.Value.GetRawText()), ["name", "members"]));
                    readable = false;
                    break;
            }
        }

        return readable ? new ColorPalette { Name = name, Members = members } : null;
    }

    private static PaletteMember[]? ReadMembers(JsonElement value, string field, List<SettingsError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(TypeError(field, "an array of colours", value));
            return null;
        }

        var members = new List<PaletteMember>();
        var index = 0;
        var readable = true;
        foreach (var item in value.EnumerateArray())
        {
            var itemField = Indexed(field, index++);
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    members.Add(new PaletteMember(item.GetString()!));
                    break;
                case JsonValueKind.Object:
                    try
                    {
                        // The contract's converter owns the member object's spellings (color/color_hex, weight/color_weight).
                        members.Add(item.Deserialize<PaletteMember>(SettingsJson.Options)!);
                    }
                    catch (JsonException exception)
                    {
                        errors.Add(new SettingsError(itemField, $"{itemField}: {exception.Message}", ErrorText.Shorten(item.GetRawText())));
                        readable = false;
                    }

                    break;
                default:
                    errors.Add(TypeError(itemField, MemberShape, item));
                    readable = false;
                    break;
            }
        }

        return readable ? [.. members] : null;
    }

    private static string Indexed(string field, int index) => $"{field}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>A JSON value's kind as a sentence names it: "a string", "an array", ...</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
