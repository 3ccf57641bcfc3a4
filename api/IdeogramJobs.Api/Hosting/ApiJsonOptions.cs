using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdeogramJobs.Api.Hosting;

public static class ApiJsonOptions
{
    /// <summary>Deep enough for every request shape (a job type's palette default is the deepest, at 7).</summary>
    public const int MaxDepth = 16;

    /// <summary>
    /// The JSON of every endpoint: camelCase names, enums as camelCase strings (numbers refused),
    /// nulls left out, and unknown members refused, so a misspelt field is a 400 rather than silently ignored.
    /// </summary>
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.MaxDepth = MaxDepth;
            json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
}
