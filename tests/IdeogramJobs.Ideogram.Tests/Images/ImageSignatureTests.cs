using IdeogramJobs.Contracts.Images;

namespace IdeogramJobs.Ideogram.Tests.Images;

public sealed class ImageSignatureTests
{
    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "image/webp")]
    public void An_image_is_known_by_its_first_bytes(byte[] content, string expected) =>
        Assert.Equal(expected, ImageSignature.Detect(content));

    [Theory]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' })]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'A', (byte)'V', (byte)'E' })]
    [InlineData(new byte[] { 0x89, 0x50 })]
    public void Bytes_of_any_other_kind_are_not_an_image_the_service_takes(byte[] content) =>
        Assert.Null(ImageSignature.Detect(content));
}
