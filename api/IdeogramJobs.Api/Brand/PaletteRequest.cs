using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Brand;

/// <summary>A named colour palette: a preset ({"name": "PASTEL"}) or members ({"members": ["#1B365D", {"color": "#FFFFFF", "weight": 0.3}]}).</summary>
public sealed record PaletteRequest(string? Name, ColorPalette? Palette);
