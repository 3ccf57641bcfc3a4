using System.Net;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Authentication;

[Collection(ServiceCollection.Name)]
public sealed class OpenApiDocumentTests(ServiceFixture service)
{
    [Fact]
    public async Task The_document_describes_the_key_schemes_and_every_job_type_ideogram_and_admin_operation()
    {
        using var response = await service.Anonymous().GetAsync("/openapi/v1.json");
        var document = await response.ReadJsonAsync(HttpStatusCode.OK);

        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("bearer", schemes["ApiKeyBearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", schemes["ApiKeyHeader"]!["name"]!.GetValue<string>());

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Operation: op.Value!)))
            .ToDictionary(o => o.Operation["operationId"]?.GetValue<string>() ?? o.Path, o => o.Operation);
        string[] expected =
        [
            "ListJobConfigurations", "CreateJobConfiguration", "GetJobConfiguration", "UpdateJobConfiguration", "DeleteJobConfiguration",
            "GetJobConfigurationSettings", "PreviewJobConfigurationOverrides", "GetJobConfigurationUiSchema",
            "GetIdeogramStyles", "GetIdeogramOptions",
            "CreateAccount", "ListAccounts", "GetAccount", "DeactivateAccount", "ActivateAccount", "SetAccountLimits",
            "IssueApiKey", "ListApiKeys", "RevokeApiKey", "GetAccountUsage", "GetUsage", "GetCluster", "GetIdeogramCapacity",
        ];
        foreach (var name in expected)
        {
            Assert.True(operations.TryGetValue(name, out var operation), $"operation {name} is missing");
            Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{name} has no summary");
            Assert.NotEmpty(operation["tags"]!.AsArray());
            Assert.NotEmpty(operation["security"]!.AsArray());
            Assert.NotNull(operation["responses"]!["401"]);
        }

        Assert.NotNull(operations["PreviewJobConfigurationOverrides"]["requestBody"]!["content"]!["application/json"]!["example"]);
    }
}
