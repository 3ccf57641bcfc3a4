using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IdeogramJobs.Api.OpenApi;

/// <summary>
/// Describes the API key in the OpenAPI document: a bearer scheme and the X-Api-Key header, named
/// as the requirement of every operation that needs a key.
/// </summary>
public sealed class ApiKeySecurityTransformer : IOpenApiOperationTransformer
{
    public const string BearerScheme = "ApiKeyBearer";
    public const string HeaderScheme = "ApiKeyHeader";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any() || context.Document is not { } document)
        {
            return Task.CompletedTask;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An account API key (ijk_...) or the service admin key, as 'Authorization: Bearer <key>'.",
        });
        document.Components.SecuritySchemes.TryAdd(HeaderScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "The same key in the X-Api-Key header.",
        });

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] });
        return Task.CompletedTask;
    }
}
