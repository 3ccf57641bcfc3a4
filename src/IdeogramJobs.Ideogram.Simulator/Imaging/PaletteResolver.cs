using IdeogramJobs.Ideogram.Simulator.Validation;

namespace IdeogramJobs.Ideogram.Simulator.Imaging;

/// <summary>
/// Turns a request's palette into colour bands: members with their weights (a member without
/// <c>color_weight</c> counts as 1.0), a preset's fixed colours in equal shares, or, without a palette,
/// three to five colours drawn from the image's seed.
/// </summary>
public static class PaletteResolver
{
    public static IReadOnlyList<ColourBand> Resolve(PaletteRequest? palette, int seed)
    {
        if (palette?.Members is { } members)
        {
            return members.Select(member => new ColourBand(member.Red, member.Green, member.Blue, member.Weight ?? 1.0)).ToList();
        }
        if (palette?.PresetName is { } preset)
        {
            return PresetPalettes.Colours[preset]
                .Select(ColorPaletteParser.ParseHex)
                .Select(rgb => new ColourBand(rgb.Red, rgb.Green, rgb.Blue, 1.0))
                .ToList();
        }
        var random = new Random(seed);
        var count = random.Next(3, 6);
        var bands = new List<ColourBand>(count);
        for (var i = 0; i < count; i++)
        {
            bands.Add(new ColourBand((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), random.Next(200, 1001) / 1000.0));
        }
        return bands;
    }
}
