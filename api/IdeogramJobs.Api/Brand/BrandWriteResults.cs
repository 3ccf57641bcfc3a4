using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.Brand;

namespace IdeogramJobs.Api.Brand;

/// <summary>A brand library grain's answer as HTTP: 201/200/204, 400 naming the field, 404, or 409 naming the job types.</summary>
internal static class BrandWriteResults
{
    public static IResult Created(BrandWriteResult result, string collection) => result.Outcome == BrandWriteOutcome.Saved
        ? TypedResults.Created($"{collection}/{result.Asset!.Id}", result.Asset)
        : Refused(result);

    public static IResult Updated(BrandWriteResult result) => result.Outcome == BrandWriteOutcome.Saved
        ? TypedResults.Ok(result.Asset)
        : Refused(result);

    public static IResult Deleted(BrandWriteResult result) => result.Outcome == BrandWriteOutcome.Deleted
        ? TypedResults.NoContent()
        : Refused(result);

    public static IResult NotFound() => ApiProblems.NotFound("No such brand library entry for this account.");

    private static IResult Refused(BrandWriteResult result) => result.Outcome switch
    {
        BrandWriteOutcome.NotFound => NotFound(),
        BrandWriteOutcome.InUse => TypedResults.Problem(
            title: "The brand library entry is in use.",
            detail: $"Job types name it in their defaults: {string.Join(", ", result.UsedByJobTypes)}. Change those job types first.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["jobTypes"] = result.UsedByJobTypes }),
        _ => SettingsProblems.Invalid(result.Errors, "The brand library entry is invalid."),
    };
}
