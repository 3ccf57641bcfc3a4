using System.Globalization;
using System.Security.Cryptography;
using IdeogramJobs.Contracts.Brand;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Grains.Options;
using IdeogramJobs.Settings.Overrides;
using IdeogramJobs.Settings.Translation;
using IdeogramJobs.Settings.Validation;
using IdeogramJobs.Settings.Vocabulary;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// Turns a submission and its resolved job type into what the job will run with: a regeneration's
/// recorded settings and images, brand library entries made concrete, reference images named in the
/// settings, and every check that refuses the settings before anything is admitted.
/// </summary>
public sealed class SubmissionBuilder(IGrainFactory grains, IJobStore jobs, IOptions<JobEngineOptions> options)
{
    /// <summary>A regeneration asks for the original's job type and prompt unless it says otherwise; its overrides apply on top of the original's.</summary>
    public static JobSubmission Regenerating(JobSubmission submission, StoredJob original) => submission with
    {
        ConfigId = original.ConfigId,
        Prompt = string.IsNullOrWhiteSpace(submission.Prompt) ? original.Prompt : submission.Prompt,
        OverridesJson = submission.OverridesJson is null ? null : OverridesCombiner.Combine(original.UserOverridesJson, submission.OverridesJson),
    };

    public async Task<BuiltSubmission> BuildAsync(string accountId, JobSubmission submission, StoredJob? original, ResolvedJobType jobType)
    {
        var resolution = Settings(submission, original, jobType);
        var references = submission.StyleReferenceImages.Count > 0 || original is null
            ? submission.StyleReferenceImages
            : await jobs.GetStyleReferencesAsync(original.JobId, CancellationToken.None);
        if (resolution.FinalSettings is { } named && BrandReference.AnyIn(named))
        {
            // Brand library entries become concrete values here, once: the job records what it used.
            var brand = await grains.GetGrain<IBrandLibraryGrain>(accountId).ResolveAsync(named);
            references = [.. brand.Images, .. references];
            resolution = resolution with
            {
                FinalSettings = brand.Settings,
                Errors = [.. resolution.Errors, .. brand.Errors, .. V3SettingsValidator.Validate(brand.Settings)],
            };
        }

        if (references.Count > 0 && resolution.FinalSettings is { } withoutReferences)
        {
            // The settings name the images by content, so the request and its record agree on what was sent.
            var withReferences = withoutReferences with { StyleReferenceImages = [.. references.Select(StyleReferenceLabel)] };
            resolution = resolution with { FinalSettings = withReferences, Errors = [.. resolution.Errors, .. V3SettingsValidator.Validate(withReferences)] };
        }

        var character = submission.CharacterReferenceImage
            ?? (original is null ? null : await jobs.GetCharacterReferenceAsync(original.JobId, CancellationToken.None));
        if (character is not null && resolution.FinalSettings is { } final)
        {
            resolution = resolution with { Errors = [.. resolution.Errors, .. V3RequestTranslator.ValidateCharacterReference(final, character)] };
        }

        return new BuiltSubmission(submission, original, jobType.Configuration, resolution with { Errors = Errors(submission, resolution) }, references, character);
    }

    /// <summary>
    /// The job type's settings with the submission's overrides. Regenerating without changes replays the
    /// original's final settings exactly, whatever the defaults are now.
    /// </summary>
    private static SettingsResolution Settings(JobSubmission submission, StoredJob? original, ResolvedJobType jobType)
    {
        var resolution = original is not null && submission.OverridesJson is null
            ? new SettingsResolution
            {
                FinalSettings = original.FinalSettings,
                CustomPromptAddition = original.CustomPromptAddition,
                UserOverridesJson = original.UserOverridesJson,
            }
            : jobType.Resolution;
        return original is not null && submission.Replay is { } replay && resolution.FinalSettings is { } recorded
            ? resolution with { FinalSettings = Replayed(recorded, replay) }
            : resolution;
    }

    /// <summary>The settings' errors once each, then the prompt's and the image count's.</summary>
    private List<SettingsError> Errors(JobSubmission submission, SettingsResolution resolution)
    {
        var errors = resolution.Errors.DistinctBy(e => (e.Field, e.Message)).ToList();
        var effectivePrompt = string.IsNullOrWhiteSpace(resolution.CustomPromptAddition)
            ? submission.Prompt
            : $"{submission.Prompt} {resolution.CustomPromptAddition}";
        errors.AddRange(V3SettingsValidator.ValidatePrompt(effectivePrompt));
        var capacity = options.Value.IdeogramMaxInflightImages;
        if (resolution.FinalSettings?.NumImages is { } asked && asked > capacity)
        {
            // Such a job could never be sent without going over the key's in-flight limit.
            errors.Add(new SettingsError(
                "numImages",
                $"At most {capacity} images per job: Ideogram's in-flight limit for this service's key (IDEOGRAM_MAX_INFLIGHT_IMAGES) is {capacity} images.",
                asked.ToString(CultureInfo.InvariantCulture)));
        }

        return errors;
    }

    /// <summary>
    /// Exact: the recorded seed, and one image when a single image of the source is replayed (Ideogram takes one
    /// seed per request). Variations: no seed, so Ideogram draws new ones.
    /// </summary>
    private static JobSettings Replayed(JobSettings recorded, RegenerationReplay replay) => replay.Mode == RegenerationReplay.Exact
        ? recorded with { Seed = replay.Seed ?? recorded.Seed, NumImages = replay.ImageIndex is null ? recorded.NumImages : 1 }
        : recorded with { Seed = null };

    private static string StyleReferenceLabel(StyleReferenceUpload image) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(image.Content))[..16];
}
