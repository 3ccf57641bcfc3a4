namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>A valid <c>color_palette</c>: exactly one of a preset name or 1 to 8 members.</summary>
public sealed record PaletteRequest(string? PresetName, IReadOnlyList<PaletteMember>? Members);
