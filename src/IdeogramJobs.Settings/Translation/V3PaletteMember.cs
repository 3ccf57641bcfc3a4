namespace IdeogramJobs.Settings.Translation;

/// <summary>One palette colour as the API writes it: <c>{"color_hex": "#1B365D", "color_weight": 0.5}</c>, weight optional.</summary>
public sealed record V3PaletteMember(string ColorHex, double? ColorWeight);
