using IdeogramJobs.Api.Accounts;
using IdeogramJobs.Api.OpenApi;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.OrganisationKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Admin;

/// <summary>
/// An organisation's own Ideogram key for service admins: set or replace it, remove it, set its in-flight limit,
/// and read what may be shown (last four characters, when set, the limit, whether Ideogram refused it). The key
/// itself is never answered.
/// </summary>
public static class OrganisationKeysAdminApi
{
    // Organisation ids (UUID strings, or numbers in older databases) have the shape of account ids, so the same
    // constraint turns an id that cannot exist into a 404 before any lookup.
    private const string OrganisationKey = "/organizations/{organizationId:" + AccountIdRouteConstraint.Name + "}/ideogram-key";

    private const string SetKeyExample = """{"apiKey":"ideogram-api-key-of-the-organisation"}""";

    private const string SetLimitExample = """{"maxInflightImages":10}""";

    public static IEndpointRouteBuilder MapOrganisationKeysAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapServiceAdminGroup();

        group.MapGet(OrganisationKey, GetOrganisationKey)
            .WithName("GetOrganisationIdeogramKey")
            .WithSummary("The organisation's own Ideogram key as admins may see it: status (none, active, refusedByIdeogram), last four characters, when set, in-flight limit, refusal; never the key")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut(OrganisationKey, SetOrganisationKey)
            .WithName("SetOrganisationIdeogramKey")
            .WithSummary("Sets or replaces the organisation's own Ideogram key (stored encrypted, never answered back); its jobs use it from their next start")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestExample(SetKeyExample);

        group.MapDelete(OrganisationKey, RemoveOrganisationKey)
            .WithName("RemoveOrganisationIdeogramKey")
            .WithSummary("Removes the organisation's own Ideogram key: new jobs use the service key")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut(OrganisationKey + "/limit", SetOrganisationKeyLimit)
            .WithName("SetOrganisationIdeogramKeyLimit")
            .WithSummary("Sets the in-flight images Ideogram allows the organisation's own key (default 10)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestExample(SetLimitExample);

        return app;
    }

    private static async Task<Results<Ok<OrganisationKeyInfo>, ProblemHttpResult>> GetOrganisationKey(string organizationId, IClusterClient cluster) =>
        await Key(cluster, organizationId).GetAsync() is { } key ? TypedResults.Ok(key) : NoSuchOrganisation();

    private static async Task<Results<Ok<OrganisationKeyInfo>, ValidationProblem, ProblemHttpResult>> SetOrganisationKey(
        string organizationId, SetOrganisationKeyRequest request, IClusterClient cluster)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return SettingsProblems.Invalid(errors, "The key is invalid.");
        }

        return Answer(await Key(cluster, organizationId).SetKeyAsync(request.ApiKey!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveOrganisationKey(string organizationId, IClusterClient cluster) =>
        await Key(cluster, organizationId).RemoveKeyAsync()
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("No such key.", "The organisation has no Ideogram key of its own (or does not exist).");

    private static async Task<Results<Ok<OrganisationKeyInfo>, ValidationProblem, ProblemHttpResult>> SetOrganisationKeyLimit(
        string organizationId, SetOrganisationKeyLimitRequest request, IClusterClient cluster)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return SettingsProblems.Invalid(errors, "The limit is invalid.");
        }

        return Answer(await Key(cluster, organizationId).SetLimitAsync(request.MaxInflightImages!.Value));
    }

    private static Results<Ok<OrganisationKeyInfo>, ValidationProblem, ProblemHttpResult> Answer(OrganisationKeyWriteResult result) => result.Outcome switch
    {
        OrganisationKeyWriteOutcome.Done => TypedResults.Ok(result.Key!),
        OrganisationKeyWriteOutcome.EncryptionUnavailable => ApiProblems.Conflict("The service cannot store secrets.", result.Message),
        _ => NoSuchOrganisation(),
    };

    private static IOrganisationKeyGrain Key(IClusterClient cluster, string organizationId) => cluster.GetGrain<IOrganisationKeyGrain>(organizationId);

    private static ProblemHttpResult NoSuchOrganisation() => ApiProblems.NotFound("No such organisation.");
}
