using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Translation;

namespace IdeogramJobs.Ideogram;

/// <summary>
/// What to generate: the final prompt, the final settings in the job specification's vocabulary,
/// the bytes of any style reference images those settings name, and the character reference image, if any.
/// </summary>
public sealed record IdeogramGenerateRequest(
    string Prompt, JobSettings Settings, IReadOnlyList<StyleReferenceUpload>? StyleReferenceImages = null, StyleReferenceUpload? CharacterReferenceImage = null)
{
    /// <summary>The key to send the request with, chosen by the engine per job; null sends IDEOGRAM_API_KEY.</summary>
    public IdeogramApiKey? ApiKey { get; init; }
}
