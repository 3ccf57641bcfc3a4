using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;

namespace IdeogramJobs.Api.OpenApi;

/// <summary>Example bodies for an endpoint's operation in the OpenAPI document.</summary>
public static class OpenApiExamples
{
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, string json)
        where TBuilder : IEndpointConventionBuilder
    {
        var example = JsonNode.Parse(json);
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                media.Example = example?.DeepClone();
            }

            return Task.CompletedTask;
        });
    }

    public static TBuilder WithResponseExample<TBuilder>(this TBuilder builder, int status, string json)
        where TBuilder : IEndpointConventionBuilder
    {
        var example = JsonNode.Parse(json);
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response) == true)
            {
                foreach (var media in response.Content?.Values ?? [])
                {
                    media.Example = example?.DeepClone();
                }
            }

            return Task.CompletedTask;
        });
    }
}
