namespace IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;

/// <summary>Byte blobs that start like the image formats the API takes (or does not).</summary>
public static class SampleImages
{
    public static byte[] Png(int length = 64) => Fill([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], length);

    public static byte[] Jpeg(int length = 64) => Fill([0xFF, 0xD8, 0xFF, 0xE0], length);

    public static byte[] Webp(int length = 64) => Fill("RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), length);

    public static byte[] Gif(int length = 64) => Fill("GIF89a"u8.ToArray(), length);

    private static byte[] Fill(byte[] header, int length)
    {
        var bytes = new byte[Math.Max(length, header.Length)];
        header.CopyTo(bytes, 0);
        return bytes;
    }
}
