using System.Security.Cryptography;

namespace IdeogramJobs.Testing;

/// <summary>Image bytes for tests: a real 1×1 PNG, and byte arrays that carry the file signatures of PNG, JPEG, WebP and GIF.</summary>
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

    /// <summary>A PNG signature followed by random bytes from <paramref name="seed"/>, <paramref name="size"/> bytes in all.</summary>
    public static byte[] RandomPng(int size = 2048, int seed = 1) =>
        WithSignature([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size, seed);

    /// <summary>A JPEG signature followed by random bytes from <paramref name="seed"/>, <paramref name="size"/> bytes in all.</summary>
    public static byte[] RandomJpeg(int size = 2048, int seed = 1) =>
        WithSignature([0xFF, 0xD8, 0xFF, 0xE0], size, seed);

    /// <summary>A RIFF/WEBP header with the right length followed by random bytes from <paramref name="seed"/>.</summary>
    public static byte[] RandomWebp(int size = 2048, int seed = 1)
    {
        var header = new byte[12];
        "RIFF"u8.CopyTo(header);
        BitConverter.TryWriteBytes(header.AsSpan(4), size - 8);
        "WEBP"u8.CopyTo(header.AsSpan(8));
        return WithSignature(header, size, seed);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] WithSignature(byte[] signature, int size, int seed)
    {
        var content = new byte[size];
        new Random(seed).NextBytes(content);
        signature.CopyTo(content, 0);
        return content;
    }
}
