using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdeogramJobs.Contracts.Settings;

/// <summary>The one JSON shape for settings and UI schemas: camelCase names, unset members left out, unknown members refused.</summary>
public static class SettingsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"{typeof(T).Name} JSON is null.");
}
