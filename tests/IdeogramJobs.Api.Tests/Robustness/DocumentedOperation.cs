using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IdeogramJobs.Api.Tests.Robustness;

/// <summary>One operation of the API's OpenAPI document: its method, path template, query parameters and whether it reads a body.</summary>
public sealed partial record DocumentedOperation(string Method, string PathTemplate, IReadOnlyList<string> QueryParameters, bool ReadsBody)
{
    public IReadOnlyList<string> PathParameters => [.. Placeholder().Matches(PathTemplate).Select(m => m.Groups["name"].Value)];

    public bool SendsBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>The path with each placeholder replaced by its value (already escaped as the test wants it sent).</summary>
    public string Fill(Func<string, string> value) => Placeholder().Replace(PathTemplate, m => value(m.Groups["name"].Value));

    public override string ToString() => $"{Method} {PathTemplate}";

    /// <summary>Every operation the running API documents, in the document's order.</summary>
    public static async Task<IReadOnlyList<DocumentedOperation>> ReadAllAsync(HttpClient anonymous)
    {
        using var response = await anonymous.GetAsync("/openapi/v1.json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the OpenAPI document answered {(int)response.StatusCode}: {body}");
        var paths = JsonNode.Parse(body)!["paths"]!.AsObject();
        return
        [
            .. from path in paths
               from operation in path.Value!.AsObject()
               select new DocumentedOperation(
                   operation.Key.ToUpperInvariant(),
                   path.Key,
                   [.. (operation.Value!["parameters"]?.AsArray() ?? [])
                       .Where(p => p!["in"]?.GetValue<string>() == "query")
                       .Select(p => p!["name"]!.GetValue<string>())],
                   operation.Value["requestBody"] is not null),
        ];
    }

    [GeneratedRegex(@"\{(?<name>[^}]+)\}")]
    private static partial Regex Placeholder();
}
