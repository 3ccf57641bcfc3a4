using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// A SHA-256 of what a submission asks for (job type, prompt, overrides, priority, regeneration source,
/// style reference images, webhookUrl), kept with its idempotency key: a replay of the same request returns the first
/// job, while the same key with a different request is refused instead of silently answered with a job
/// that is not what was asked.
/// </summary>
public static class SubmissionFingerprint
{
    public static string Of(JobSubmission submission)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            submission.ConfigId,
            submission.JobTypeName,
            submission.Prompt,
            Overrides = Canonical(submission.OverridesJson),
            submission.Priority,
            submission.RegeneratedFrom,
            submission.Replay,
            Character = submission.CharacterReferenceImage is { } character ? Convert.ToHexStringLower(SHA256.HashData(character.Content)) : null,
            References = submission.StyleReferenceImages.Select(r => Convert.ToHexStringLower(SHA256.HashData(r.Content))).ToArray(),
        });

        // Appended only when given, so a key recorded before the webhookUrl counted still replays its request.
        if (submission.WebhookUrl is { } webhookUrl)
        {
            canonical += JsonSerializer.Serialize(new { WebhookUrl = webhookUrl });
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The overrides re-serialised without insignificant whitespace, so formatting alone is no difference.</summary>
    private static string? Canonical(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
