namespace IdeogramJobs.Ideogram.Simulator.Imaging;

/// <summary>
/// Paints an image as solid bands of its colours, each as wide as its weight's share (at least one
/// pixel, so every colour shows). Even seeds stack the bands top to bottom, odd seeds left to right,
/// so images of one request differ.
/// </summary>
public static class BandImageRenderer
{
    public static byte[] Render(ImageDescriptor image)
    {
        var width = image.PixelWidth;
        var height = image.PixelHeight;
        var horizontal = image.Seed % 2 == 0;
        var bandOf = BandIndexPerPixel(horizontal ? height : width, image.Bands);

        return PngEncoder.Encode(width, height, (y, row) =>
        {
            for (var x = 0; x < width; x++)
            {
                var band = image.Bands[bandOf[horizontal ? y : x]];
                row[x * 3] = band.Red;
                row[x * 3 + 1] = band.Green;
                row[x * 3 + 2] = band.Blue;
            }
        });
    }

    /// <summary>Splits <paramref name="length"/> pixels among the bands: one each, the rest by weight (largest remainder).</summary>
    private static int[] BandIndexPerPixel(int length, IReadOnlyList<ColourBand> bands)
    {
        var sizes = new int[bands.Count];
        var spare = length - bands.Count;
        var totalWeight = bands.Sum(band => band.Weight);
        var shares = bands.Select(band => spare * band.Weight / totalWeight).ToArray();
        for (var i = 0; i < sizes.Length; i++)
        {
            sizes[i] = 1 + (int)Math.Floor(shares[i]);
        }
        var leftover = length - sizes.Sum();
        foreach (var i in Enumerable.Range(0, sizes.Length).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i).Take(leftover))
        {
            sizes[i]++;
        }

        var indexes = new int[length];
        var position = 0;
        for (var band = 0; band < sizes.Length; band++)
        {
            Array.Fill(indexes, band, position, sizes[band]);
            position += sizes[band];
        }
        return indexes;
    }
}
