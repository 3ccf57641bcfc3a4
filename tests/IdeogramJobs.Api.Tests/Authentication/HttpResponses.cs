using System.Net;
using System.Text.Json.Nodes;

namespace IdeogramJobs.Api.Tests.Authentication;

/// <summary>Reading answers of the API in tests: JSON bodies and RFC 7807 problems, with the body in failure messages.</summary>
public static class HttpResponses
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.ReadJsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        return problem;
    }

    /// <summary>The fields a validation problem names in its <c>errors</c> object.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonNode problem) =>
        [.. problem["errors"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];
}
