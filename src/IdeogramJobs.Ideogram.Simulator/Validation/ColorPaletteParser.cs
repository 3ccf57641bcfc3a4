using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>
/// Parses the <c>color_palette</c> part: a JSON object with exactly one of <c>name</c> (a preset) or
/// <c>members</c> (1 to 8 objects <c>{color_hex, color_weight?}</c>); nothing else.
/// </summary>
public static partial class ColorPaletteParser
{
    private const string Field = "color_palette";

    public static (PaletteRequest? Palette, ValidationFailure? Failure) Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return Fail(Field, $"{Quote(text)} is not valid JSON");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(Field, $"{Quote(text)} is not of type 'object'");
            }
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("name" or "members"))
                {
                    return Fail(Field, $"Additional properties are not allowed ('{property.Name}' was unexpected)");
                }
            }
            var hasName = root.TryGetProperty("name", out var name);
            var hasMembers = root.TryGetProperty("members", out var members);
            if (hasName && hasMembers)
            {
                return Fail(Field, "'name' and 'members' cannot be used together");
            }
            if (hasName)
            {
                return ParsePreset(name);
            }
            if (hasMembers)
            {
                return ParseMembers(members);
            }
            return Fail(Field, "one of 'name' or 'members' is required");
        }
    }

    private static (PaletteRequest?, ValidationFailure?) ParsePreset(JsonElement name)
    {
        var value = name.ValueKind == JsonValueKind.String ? name.GetString()! : name.GetRawText();
        if (name.ValueKind != JsonValueKind.String || !IdeogramVocabulary.PalettePresets.Contains(value))
        {
            return Fail($"{Field}.name", $"{Quote(value)} is not one of {IdeogramVocabulary.ListOf(IdeogramVocabulary.PalettePresets)}");
        }
        return (new PaletteRequest(value, null), null);
    }

    private static (PaletteRequest?, ValidationFailure?) ParseMembers(JsonElement members)
    {
        const string field = Field + ".members";
        if (members.ValueKind != JsonValueKind.Array)
        {
            return Fail(field, $"{Quote(members.GetRawText())} is not of type 'array'");
        }
        var count = members.GetArrayLength();
        if (count == 0)
        {
            return Fail(field, "[] should be non-empty");
        }
        if (count > IdeogramVocabulary.MaxPaletteMembers)
        {
            return Fail(field, $"has {count} members, more than the maximum of {IdeogramVocabulary.MaxPaletteMembers}");
        }
        var parsed = new List<PaletteMember>(count);
        var index = 0;
        foreach (var member in members.EnumerateArray())
        {
            var (value, failure) = ParseMember(member, $"{field}.{index}");
            if (failure is not null)
            {
                return (null, failure);
            }
            parsed.Add(value!);
            index++;
        }
        return (new PaletteRequest(null, parsed), null);
    }

    private static (PaletteMember?, ValidationFailure?) ParseMember(JsonElement member, string field)
    {
        if (member.ValueKind != JsonValueKind.Object)
        {
            return FailMember(field, $"{Quote(member.ValueKind == JsonValueKind.String ? member.GetString()! : member.GetRawText())} is not of type 'object'");
        }
        foreach (var property in member.EnumerateObject())
        {
            if (property.Name is not ("color_hex" or "color_weight"))
            {
                return FailMember(field, $"Additional properties are not allowed ('{property.Name}' was unexpected)");
            }
        }
        if (!member.TryGetProperty("color_hex", out var hex))
        {
            return FailMember(field, "'color_hex' is a required property");
        }
        var hexText = hex.ValueKind == JsonValueKind.String ? hex.GetString()! : hex.GetRawText();
        if (hex.ValueKind != JsonValueKind.String || !ColorHex().IsMatch(hexText))
        {
            return FailMember($"{field}.color_hex", $"{Quote(hexText)} does not match '{IdeogramVocabulary.ColorHexPattern}'");
        }
        double? weight = null;
        if (member.TryGetProperty("color_weight", out var weightElement))
        {
            if (weightElement.ValueKind != JsonValueKind.Number)
            {
                return FailMember($"{field}.color_weight", $"{weightElement.GetRawText()} is not of type 'number'");
            }
            var value = weightElement.GetDouble();
            if (value < IdeogramVocabulary.MinColorWeight)
            {
                return FailMember($"{field}.color_weight", $"{weightElement.GetRawText()} is less than the minimum of {IdeogramVocabulary.MinColorWeight.ToString(CultureInfo.InvariantCulture)}");
            }
            if (value > IdeogramVocabulary.MaxColorWeight)
            {
                return FailMember($"{field}.color_weight", $"{weightElement.GetRawText()} is greater than the maximum of {IdeogramVocabulary.MaxColorWeight.ToString("0.0", CultureInfo.InvariantCulture)}");
            }
            weight = value;
        }
        var (red, green, blue) = ParseHex(hexText);
        return (new PaletteMember(red, green, blue, weight), null);
    }

    /// <summary>Expands <c>#RGB</c> or <c>#RRGGBB</c> (already checked against the pattern).</summary>
    public static (byte Red, byte Green, byte Blue) ParseHex(string hex)
    {
        var digits = hex[1..];
        if (digits.Length == 3)
        {
            digits = string.Concat(digits.Select(digit => new string(digit, 2)));
        }
        var value = Convert.FromHexString(digits);
        return (value[0], value[1], value[2]);
    }

    private static string Quote(string value) => $"'{(value.Length > 100 ? value[..100] + "..." : value)}'";

    private static (PaletteRequest?, ValidationFailure?) Fail(string field, string message) => (null, new ValidationFailure(field, message));

    private static (PaletteMember?, ValidationFailure?) FailMember(string field, string message) => (null, new ValidationFailure(field, message));

    // \z rather than the documented $, which in .NET would also accept a trailing newline.
    [GeneratedRegex(@"^#([0-9a-fA-F]{3}){1,2}\z")]
    private static partial Regex ColorHex();
}
