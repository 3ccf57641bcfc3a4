namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>A palette member as requested: its colour and optional weight (0.05 to 1.0).</summary>
public sealed record PaletteMember(byte Red, byte Green, byte Blue, double? Weight);
