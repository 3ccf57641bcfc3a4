using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// A submission with everything it will run with made concrete: its job type, the final settings (or
/// every error that refuses them) and the reference images to upload.
/// </summary>
public sealed record BuiltSubmission(
    JobSubmission Submission,
    StoredJob? Original,
    JobConfiguration JobType,
    SettingsResolution Resolution,
    IReadOnlyList<StyleReferenceUpload> StyleReferences,
    StyleReferenceUpload? CharacterReference)
{
    /// <summary>The job's row, its settings and its estimate, written in one transaction.</summary>
    public NewJob ToNewJob(string accountId, int maxRetries, string? requestSha256, CostEstimate estimate) => new()
    {
        AccountId = accountId,
        ConfigId = JobType.ConfigId,
        JobTypeName = JobType.JobTypeName,
        Prompt = Submission.Prompt,
        CustomPromptAddition = Resolution.CustomPromptAddition,
        Priority = Submission.Priority,
        MaxRetries = maxRetries,
        CreatedBy = Submission.CreatedBy,
        FinalSettings = Resolution.FinalSettings ?? throw new InvalidOperationException("A submission with errors has no job to create."),
        UserOverridesJson = Resolution.UserOverridesJson,
        StyleReferenceImages = StyleReferences,
        CharacterReferenceImage = CharacterReference,
        RegeneratedFrom = Submission.RegeneratedFrom,
        Replay = Original is null ? null : Submission.Replay,
        IdempotencyKey = Submission.IdempotencyKey,
        RequestSha256 = requestSha256,
        Estimate = estimate,
        WebhookUrl = Submission.WebhookUrl,
    };
}
