namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>Recognises JPEG, PNG and WebP by their leading bytes, as a server must (declared types lie).</summary>
public static class ReferenceImageFormat
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsAccepted(ReadOnlySpan<byte> content) =>
        content.StartsWith(PngSignature)
        || content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8));
}
