using System.Text.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Problems;

/// <summary>
/// Overrides as the JSON text the grains parse. A body may carry strings that are JSON but not
/// text (an escaped lone surrogate such as "\uD800", bytes that are not UTF-8); the grains cannot
/// read those, so they are refused here, naming the field, rather than failing in the silo.
/// </summary>
public static class OverridesText
{
    /// <summary>The text of <paramref name="overrides"/> (null stays null); false, with an error for <paramref name="field"/>, when it has no valid text.</summary>
    public static bool TryWrite(JsonNode? overrides, string field, List<SettingsError> errors, out string? text)
    {
        try
        {
            text = overrides?.ToJsonString();
            return true;
        }
        catch (InvalidOperationException)
        {
            Refuse(field, errors);
            text = null;
            return false;
        }
    }

    /// <summary>The text of a body bound as any JSON value; null, with an error for <paramref name="field"/>, when it has no valid text.</summary>
    public static string? Write(JsonElement overrides, string field, List<SettingsError> errors)
    {
        try
        {
            // Through a node, which decodes every string: the raw text keeps escapes that do not decode.
            var raw = overrides.GetRawText();
            return JsonNode.Parse(raw) is not { } node ? raw
                : TryWrite(node, field, errors, out var text) ? text
                : null;
        }
        catch (InvalidOperationException)
        {
            Refuse(field, errors);
            return null;
        }
    }

    private static void Refuse(string field, List<SettingsError> errors) =>
        errors.Add(new(field, $"{field} holds a string that is not valid Unicode text (a lone surrogate escape or bytes that are not UTF-8)."));
}
