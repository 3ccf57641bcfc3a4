using System.Buffers.Binary;

namespace IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;

/// <summary>The pixel size a PNG declares in its IHDR chunk, read after checking the PNG signature.</summary>
public sealed record PngHeader(int Width, int Height)
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>As Ideogram writes a resolution: "1312x736".</summary>
    public string Resolution => $"{Width}x{Height}";

    public static PngHeader Read(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(Signature), "the image bytes do not start with the PNG signature");
        Assert.True(png.Length >= 24, "the PNG is too short to hold an IHDR chunk");
        // The first chunk must be IHDR: 4 bytes length, 4 bytes type, then width and height.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return new PngHeader(
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)),
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
