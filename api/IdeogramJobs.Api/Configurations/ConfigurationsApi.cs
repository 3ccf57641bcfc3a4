using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Api.OpenApi;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Queries;
using IdeogramJobs.Settings.Pricing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Configurations;

/// <summary>
/// The account's job types: listing (any key of the account), writing (account admins), and the
/// dry-run merge of overrides into a job type's defaults. Another account's job type is a 404.
/// </summary>
public static class ConfigurationsApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    private const string ById = "/{configId:int:min(1)}";
    private const string InvalidTitle = "The job type is invalid.";

    private const string DraftExample = """
        {"jobTypeName":"product_launch","displayName":"Product Launch Images","description":"Hero images for launch pages",
         "defaultSettings":{"styleType":"DESIGN","aspectRatio":"16:9","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":4,
           "colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"},
         "uiSchema":{"fields":[
           {"name":"prompt","type":"textarea","label":"Image Description","required":true},
           {"name":"styleType","type":"select","label":"Style Type","options":["AUTO","GENERAL","REALISTIC","DESIGN"],"default":"DESIGN"},
           {"name":"aspectRatio","type":"select","label":"Aspect Ratio","options":["1:1","16:9","9:16","4:3","3:4"],"default":"16:9"},
           {"name":"numImages","type":"slider","label":"Number of Images","min":1,"max":8,"default":4}]},
         "isActive":true,"executionOrder":10}
        """;

    private const string OverridesExample = """
        {"aspectRatio":"1:1","numImages":2,"styleType":"REALISTIC","customPromptAddition":"with modern minimalist design"}
        """;

    private const string DryRunExample = """
        {"finalSettings":{"styleType":"REALISTIC","aspectRatio":"1:1","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,
           "colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"},
         "customPromptAddition":"with modern minimalist design",
         "userOverrides":{"aspectRatio":"1:1","numImages":2,"styleType":"REALISTIC","customPromptAddition":"with modern minimalist design"}}
        """;

    public static IEndpointRouteBuilder MapConfigurationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jobs/configurations")
            .WithTags("Job types")
            .RequireAuthorization(ApiKeyDefaults.AccountPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", ListConfigurations)
            .WithName("ListJobConfigurations")
            .WithSummary("The account's job types, a page at a time (active ones unless includeInactive=true)")
            .ProducesValidationProblem();

        group.MapPost("/", CreateConfiguration)
            .RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("CreateJobConfiguration")
            .WithSummary("Creates a job type: its default settings and the form of what users may override (account admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestExample(DraftExample);

        group.MapGet(ById, GetConfiguration)
            .WithName("GetJobConfiguration")
            .WithSummary("One job type of the account")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut(ById, UpdateConfiguration)
            .RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("UpdateJobConfiguration")
            .WithSummary("Replaces a job type (account admins); running and finished jobs keep the settings they ran with")
            .WithDescription("PUT replaces the whole job type, it does not merge: a default setting or form property left out is removed. " +
                "To change one thing, send the job type as GET returns it, less configId, accountId, createdAt and updatedAt, with that one thing changed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestExample(DraftExample);

        group.MapDelete(ById, DeleteConfiguration)
            .RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("DeleteJobConfiguration")
            .WithSummary("Deletes a job type no job has used (account admins); one that jobs used is kept for their history: deactivate it instead")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet(ById + "/settings", GetDefaultSettings)
            .WithName("GetJobConfigurationSettings")
            .WithSummary("A job type's default Ideogram V3 settings")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost(ById + "/settings/override", ResolveOverrides)
            .WithName("PreviewJobConfigurationOverrides")
            .WithSummary("Dry run: the final settings a job would run with given these overrides, or every invalid field; nothing is created")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestExample(OverridesExample)
            .WithResponseExample(StatusCodes.Status200OK, DryRunExample);

        group.MapGet(ById + "/ui-schema", GetUiSchema)
            .WithName("GetJobConfigurationUiSchema")
            .WithSummary("The form of a job type: which settings a user may override, with their options and bounds")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<Results<Ok<Page<JobConfiguration>>, ValidationProblem>> ListConfigurations(
        ClaimsPrincipal user, IClusterClient cluster, bool includeInactive = false, int offset = 0, int limit = DefaultLimit)
    {
        if (offset < 0)
        {
            return SettingsProblems.Invalid("offset", "offset must be 0 or more.", offset.ToString(CultureInfo.InvariantCulture));
        }

        if (limit is < 1 or > MaxLimit)
        {
            return SettingsProblems.Invalid("limit", $"limit must be between 1 and {MaxLimit}.",
                limit.ToString(CultureInfo.InvariantCulture), [$"1..{MaxLimit}"]);
        }

        var all = await cluster.GetGrain<IJobCatalogGrain>(Caller.From(user).Account).ListAsync(includeInactive);
        return TypedResults.Ok(new Page<JobConfiguration>
        {
            Items = [.. all.Skip(offset).Take(limit)],
            Total = all.Count,
            Offset = offset,
            Limit = limit,
        });
    }

    private static async Task<Results<Created<JobConfiguration>, ValidationProblem, ProblemHttpResult>> CreateConfiguration(
        JobConfigurationDraft draft, ClaimsPrincipal user, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<IJobCatalogGrain>(Caller.From(user).Account).CreateAsync(draft);
        return result switch
        {
            { Outcome: ConfigurationWriteOutcome.Saved, Configuration: { } saved } =>
                TypedResults.Created($"/api/jobs/configurations/{saved.ConfigId}", saved),
            { Outcome: ConfigurationWriteOutcome.NameTaken } => NameTaken(),
            _ => SettingsProblems.Invalid(result.Errors, InvalidTitle),
        };
    }

    private static async Task<Results<Ok<JobConfiguration>, ProblemHttpResult>> GetConfiguration(
        int configId, ClaimsPrincipal user, IClusterClient cluster) =>
        await Find(configId, user, cluster) is { } configuration ? TypedResults.Ok(configuration) : NotFound(configId);

    private static async Task<Results<Ok<JobConfiguration>, ValidationProblem, ProblemHttpResult>> UpdateConfiguration(
        int configId, JobConfigurationDraft draft, ClaimsPrincipal user, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<IJobConfigurationGrain>(configId).UpdateAsync(Caller.From(user).Account, draft);
        return result switch
        {
            { Outcome: ConfigurationWriteOutcome.Saved, Configuration: { } saved } => TypedResults.Ok(saved),
            { Outcome: ConfigurationWriteOutcome.NotFound } => NotFound(configId),
            { Outcome: ConfigurationWriteOutcome.NameTaken } => NameTaken(),
            _ => SettingsProblems.Invalid(result.Errors, InvalidTitle),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteConfiguration(
        int configId, ClaimsPrincipal user, IClusterClient cluster)
    {
        var account = Caller.From(user).Account;
        var grain = cluster.GetGrain<IJobConfigurationGrain>(configId);
        // DeleteAsync answers false both for "not yours or gone" and for "jobs used it": ask which first.
        if (await grain.GetAsync(account) is null)
        {
            return NotFound(configId);
        }

        return await grain.DeleteAsync(account)
            ? TypedResults.NoContent()
            : ApiProblems.Conflict("The job type is in use.",
                "Jobs have run with this job type, so it is kept for their settings history. Set isActive to false with PUT to retire it.");
    }

    private static async Task<Results<Ok<JobSettings>, ProblemHttpResult>> GetDefaultSettings(
        int configId, ClaimsPrincipal user, IClusterClient cluster) =>
        await Find(configId, user, cluster) is { } configuration ? TypedResults.Ok(configuration.DefaultSettings) : NotFound(configId);

    private static async Task<Results<Ok<UiSchema>, ProblemHttpResult>> GetUiSchema(
        int configId, ClaimsPrincipal user, IClusterClient cluster) =>
        await Find(configId, user, cluster) is { } configuration ? TypedResults.Ok(configuration.UiSchema) : NotFound(configId);

    private static async Task<Results<Ok<SettingsDryRun>, ValidationProblem, ProblemHttpResult>> ResolveOverrides(
        int configId, JsonElement overrides, ClaimsPrincipal user, IClusterClient cluster, JobCostEstimator costs)
    {
        var errors = new List<SettingsError>();
        if (OverridesText.Write(overrides, JsonBodyError.BodyField, errors) is not { } overridesJson)
        {
            return SettingsProblems.Invalid(errors, "The overrides are invalid.");
        }

        var caller = Caller.From(user);
        var grain = cluster.GetGrain<IJobConfigurationGrain>(configId);
        if (await grain.GetAsync(caller.Account) is null)
        {
            return NotFound(configId);
        }

        var resolution = await grain.ResolveAsync(caller.Account, overridesJson, caller.MayOverrideAnything);
        return resolution is { Succeeded: true, FinalSettings: { } final }
            ? TypedResults.Ok(new SettingsDryRun(final, resolution.CustomPromptAddition, resolution.UserOverridesJson, costs.Estimate(final, hasCharacterReference: false)))
            : SettingsProblems.Invalid(resolution.Errors, "The overrides are invalid.");
    }

    private static Task<JobConfiguration?> Find(int configId, ClaimsPrincipal user, IClusterClient cluster) =>
        cluster.GetGrain<IJobConfigurationGrain>(configId).GetAsync(Caller.From(user).Account);

    private static ProblemHttpResult NotFound(int configId) =>
        ApiProblems.NotFound("No such job type.", $"The account has no job type {configId}.");

    private static ProblemHttpResult NameTaken() =>
        ApiProblems.Conflict("A job type of this name exists.",
            "The account already has a job type with this jobTypeName; choose another name or update that one.");
}
