using System.Text.RegularExpressions;
using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Api.Webhooks;
using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Vocabulary;

namespace IdeogramJobs.Api.Jobs;

/// <summary>
/// A job submission's shape checked and handed to the account grain, as POST /api/jobs/execute and the
/// Ideogram V3 generate endpoints take it; the prompt rules regeneration shares.
/// </summary>
public static partial class JobSubmissions
{
    private const int MaxIdempotencyKeyLength = 255;

    /// <summary>Checks the request's shape and submits it; a problem when the shape is wrong, else the account's answer.</summary>
    public static async Task<(IResult? Problem, SubmissionResult? Result)> SubmitAsync(
        ExecuteJobRequest request,
        string? idempotencyKey,
        HttpContext context,
        IClusterClient cluster,
        IReadOnlyList<StyleReferenceUpload>? images = null,
        StyleReferenceUpload? characterReference = null)
    {
        var errors = new List<SettingsError>();
        if ((request.JobType is null) == (request.ConfigId is null))
        {
            errors.Add(new("jobType", "Give either jobType (the job type's name) or configId, not both."));
        }
        else if (request.JobType is not null && !JobTypeName().IsMatch(request.JobType))
        {
            errors.Add(new("jobType", "A job type name is lower-case letters, digits and underscores.", Shorten(request.JobType)));
        }

        CheckPrompt(request.Prompt, required: true, errors);
        if (request.Priority is < -100 or > 100)
        {
            errors.Add(new("priority", "Priority is between -100 and 100.", request.Priority.ToString()));
        }

        if (idempotencyKey is { } key && (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(char.IsControl)))
        {
            errors.Add(new("Idempotency-Key", $"An idempotency key is 1 to {MaxIdempotencyKeyLength} printable characters."));
        }

        OverridesText.TryWrite(request.Overrides, "overrides", errors, out var overridesJson);
        if (await context.RequestServices.GetRequiredService<JobWebhookCheck>().ProblemAsync(request.WebhookUrl, context) is { } webhookError)
        {
            errors.Add(webhookError);
        }

        if (errors.Count > 0)
        {
            return (SettingsProblems.Invalid(errors), null);
        }

        var caller = Caller.From(context.User);
        var result = await cluster.GetGrain<IAccountGrain>(caller.Account).SubmitAsync(new JobSubmission
        {
            JobTypeName = request.JobType,
            ConfigId = request.ConfigId,
            Prompt = request.Prompt!.Trim(),
            OverridesJson = overridesJson,
            Priority = request.Priority ?? 0,
            IsAdmin = caller.MayOverrideAnything,
            IdempotencyKey = idempotencyKey,
            StyleReferenceImages = images ?? [],
            CharacterReferenceImage = characterReference,
            WebhookUrl = request.WebhookUrl,
        });
        return (null, result);
    }

    /// <summary>Adds an error when the prompt is missing (and <paramref name="required"/>) or too long.</summary>
    public static void CheckPrompt(string? prompt, bool required, List<SettingsError> errors)
    {
        if (prompt is null || prompt.Trim().Length == 0)
        {
            if (required)
            {
                errors.Add(new("prompt", "A prompt is required."));
            }
        }
        else if (prompt.Length > V3Vocabulary.MaxPromptLength)
        {
            errors.Add(new("prompt", $"A prompt is at most {V3Vocabulary.MaxPromptLength} characters.", $"{prompt.Length} characters"));
        }
    }

    /// <summary>A value short enough to echo in a problem.</summary>
    public static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";

    [GeneratedRegex("^[a-z][a-z0-9_]{1,99}$")]
    private static partial Regex JobTypeName();
}
