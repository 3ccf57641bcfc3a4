using System.Text.Json.Serialization;

namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>The 400 body Ideogram answers: <c>{"type":"about:blank","title":"Bad Request","detail":"...","status":400}</c>.</summary>
public sealed record ProblemBody(
    [property: JsonPropertyName("detail")] string Detail)
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-3)]
    public string Type => "about:blank";

    [JsonPropertyName("title")]
    [JsonPropertyOrder(-2)]
    public string Title => "Bad Request";

    [JsonPropertyName("status")]
    [JsonPropertyOrder(1)]
    public int Status => StatusCodes.Status400BadRequest;
}
