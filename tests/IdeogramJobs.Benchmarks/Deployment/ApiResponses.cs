using System.Text.Json.Nodes;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>Answers of the API a scenario depends on: anything but a success stops it, naming what was being done.</summary>
public static class ApiResponses
{
    public static async Task<JsonNode> ReadSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(body)!
            : throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {body}");
    }
}
