namespace IdeogramJobs.Testing;

/// <summary>Small but real image files.</summary>
public static class TestImages
{
    /// <summary>A valid 1×1 PNG.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>The first bytes of a JPEG (SOI + APP0 marker) followed by filler.</summary>
    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    /// <summary>A RIFF/WEBP header followed by filler.</summary>
    public static byte[] Webp { get; } = [.. "RIFF"u8, 0x1A, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8, 0x0E, 0x00, 0x00, 0x00];

    public static byte[] Gif { get; } = [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00];

    /// <summary>A PNG signature followed by <paramref name="length"/> filler bytes in total.</summary>
    public static byte[] PngOfLength(int length)
    {
        var bytes = new byte[length];
        Png.AsSpan(0, Math.Min(Png.Length, length)).CopyTo(bytes);
        return bytes;
    }
}
