using System.Text.Json.Nodes;

namespace IdeogramJobs.Settings.Overrides;

/// <summary>
/// A regeneration's overrides: the original job's overrides with the new ones laid over them
/// (a key given again replaces the original value whole).
/// </summary>
public static class OverridesCombiner
{
    public static string Combine(string? originalJson, string changesJson)
    {
        if (string.IsNullOrWhiteSpace(originalJson) || JsonNode.Parse(originalJson) is not JsonObject original)
        {
            return changesJson;
        }

        if (JsonNode.Parse(changesJson) is not JsonObject changes)
        {
            // Not an object: the parser will refuse it with a proper error.
            return changesJson;
        }

        foreach (var (name, value) in changes)
        {
            original[name] = value?.DeepClone();
        }

        return original.ToJsonString();
    }
}
