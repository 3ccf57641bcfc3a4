using System.Security.Cryptography;

namespace IdeogramJobs.Storage.Tests.Support;

/// <summary>Byte arrays that carry the real file signatures of PNG, JPEG and WebP followed by random data.</summary>
public static class TestImages
{
    public static byte[] Png(int size = 2048, int seed = 1) =>
        WithSignature([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size, seed);

    public static byte[] Jpeg(int size = 2048, int seed = 1) =>
        WithSignature([0xFF, 0xD8, 0xFF, 0xE0], size, seed);

    public static byte[] Webp(int size = 2048, int seed = 1)
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
