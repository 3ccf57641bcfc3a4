namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>
/// A generate request that passed every rule of the real API, reduced to what shapes the response:
/// the other fields are checked but change nothing in a simulated image.
/// </summary>
public sealed record GenerateRequest(
    string Prompt,
    int? Seed,
    string Resolution,
    string RenderingSpeed,
    string? MagicPrompt,
    int NumImages,
    PaletteRequest? Palette,
    string? StyleType);
