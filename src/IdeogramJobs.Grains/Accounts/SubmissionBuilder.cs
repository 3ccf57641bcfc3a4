using System.Globalization;
using System.Security.Cryptography;
using IdeogramJobs.Contracts.Brand;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Grains.Options;
using IdeogramJobs.Settings.Overrides;
using IdeogramJobs.Settings.Validation;
using IdeogramJobs.Settings.Vocabulary;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// Turns a submission and its job type into what the job will run with: the overrides merged onto the
/// defaults (or a regeneration's recorded settings), brand library entries made concrete, reference
/// images named in the settings, and the one verdict on all of it before anything is admitted.
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

    public async Task<BuiltSubmission> BuildAsync(string accountId, JobSubmission submission, StoredJob? original, JobConfiguration jobType)
    {
        var merged = Merged(submission, original, jobType);
        var prompt = string.IsNullOrWhiteSpace(merged.CustomPromptAddition) ? submission.Prompt : $"{submission.Prompt} {merged.CustomPromptAddition}";
        var references = submission.StyleReferenceImages.Count > 0 || original is null
            ? submission.StyleReferenceImages
            : await jobs.GetStyleReferencesAsync(original.JobId, CancellationToken.None);
        var character = submission.CharacterReferenceImage
            ?? (original is null ? null : await jobs.GetCharacterReferenceAsync(original.JobId, CancellationToken.None));
        if (merged.Errors.Count > 0)
        {
            // Overrides that cannot be taken leave no settings to make concrete; the merged ones are still judged, so every error comes at once.
            return new BuiltSubmission(submission, original, jobType, merged.Resolved(merged.Settings, SettingsVerdict.OnJob(merged, merged.Settings, prompt)), references, character);
        }

        var settings = merged.Settings;
        var errors = new List<SettingsError>();
        if (BrandReference.AnyIn(settings))
        {
            // Brand library entries become concrete values here, once: the job records what it used.
            var brand = await grains.GetGrain<IBrandLibraryGrain>(accountId).ResolveAsync(settings);
            settings = brand.Settings;
            references = [.. brand.Images, .. references];
            errors.AddRange(brand.Errors);
        }

        if (references.Count > 0)
        {
            // The settings name the images by content, so the request and its record agree on what was sent.
            settings = settings with { StyleReferenceImages = [.. references.Select(StyleReferenceLabel)] };
        }

        errors.AddRange(SettingsVerdict.OnJob(merged, settings, prompt));
        if (original is not null && submission.Replay is { } replay)
        {
            // After the verdict, which judges what the caller asked for: a replay only takes the recorded seed and image count.
            settings = Replayed(settings, replay);
        }

        if (character is not null)
        {
            errors.AddRange(CharacterReferenceValidator.Validate(settings, character));
        }

        errors.AddRange(OverCapacity(settings));
        return new BuiltSubmission(submission, original, jobType, merged.Resolved(settings, errors), references, character);
    }

    /// <summary>
    /// The job type's defaults with the submission's overrides. Regenerating without changes takes the
    /// original's final settings exactly, whatever the defaults are now.
    /// </summary>
    private static MergedSettings Merged(JobSubmission submission, StoredJob? original, JobConfiguration jobType) =>
        original is not null && submission.OverridesJson is null
            ? new MergedSettings
            {
                Settings = original.FinalSettings,
                CustomPromptAddition = original.CustomPromptAddition,
                UserOverridesJson = original.UserOverridesJson,
            }
            : SettingsResolver.Merge(jobType, submission.OverridesJson, submission.IsAdmin);

    /// <summary>Such a job could never be sent without going over the key's in-flight limit.</summary>
    private IEnumerable<SettingsError> OverCapacity(JobSettings settings)
    {
        var capacity = options.Value.IdeogramMaxInflightImages;
        if (settings.NumImages is { } asked && asked > capacity)
        {
            yield return new SettingsError(
                "numImages",
                $"At most {capacity} images per job: Ideogram's in-flight limit for this service's key (IDEOGRAM_MAX_INFLIGHT_IMAGES) is {capacity} images.",
                asked.ToString(CultureInfo.InvariantCulture));
        }
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
