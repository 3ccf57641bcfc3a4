using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Settings.Translation;

/// <summary>
/// A request for <c>POST /v1/ideogram-v3/generate</c>, holding the API's own values
/// ("16x9", TURBO, palette objects). Null means "do not send the field". Only
/// <see cref="V3RequestTranslator"/> creates one, from settings the account grain judged when the
/// job was submitted; there is no <c>model</c> field because V3 has none.
/// </summary>
public sealed record V3GenerateRequest
{
    internal V3GenerateRequest(string prompt)
    {
        Prompt = prompt;
    }

    public string Prompt { get; }

    public long? Seed { get; internal init; }

    public string? Resolution { get; internal init; }

    public string? AspectRatio { get; internal init; }

    public string? RenderingSpeed { get; internal init; }

    public string? MagicPrompt { get; internal init; }

    public string? NegativePrompt { get; internal init; }

    public int? NumImages { get; internal init; }

    public V3ColorPalette? ColorPalette { get; internal init; }

    /// <summary>Empty when no style codes are sent.</summary>
    public IReadOnlyList<string> StyleCodes { get; internal init; } = [];

    public string? StyleType { get; internal init; }

    public string? StylePreset { get; internal init; }

    /// <summary>Empty when no reference images are sent.</summary>
    public IReadOnlyList<StyleReferenceUpload> StyleReferenceImages { get; internal init; } = [];

    /// <summary>Empty when no character reference is sent; Ideogram takes exactly one when it is.</summary>
    public IReadOnlyList<StyleReferenceUpload> CharacterReferenceImages { get; internal init; } = [];
}
