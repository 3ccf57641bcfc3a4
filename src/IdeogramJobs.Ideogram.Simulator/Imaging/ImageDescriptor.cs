using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace IdeogramJobs.Ideogram.Simulator.Imaging;

/// <summary>
/// Everything an image is rendered from: its seed, the resolution reported for it, the pixel divisor
/// (SIMULATOR_IMAGE_SCALE) and its colour bands. The image id is this record, packed and base64url
/// encoded, so images need no server-side storage and render the same on every fetch.
/// </summary>
public sealed record ImageDescriptor(int Seed, int Width, int Height, int PixelDivisor, IReadOnlyList<ColourBand> Bands)
{
    private const byte Version = 1;
    private const int HeaderLength = 11;
    private const int BandLength = 5;
    private const int MaxBands = 8;

    public int PixelWidth => Math.Max(1, Width / PixelDivisor);

    public int PixelHeight => Math.Max(1, Height / PixelDivisor);

    public string ToId()
    {
        var bytes = new byte[HeaderLength + BandLength * Bands.Count];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1), Seed);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(5), (ushort)Width);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(7), (ushort)Height);
        bytes[9] = (byte)PixelDivisor;
        bytes[10] = (byte)Bands.Count;
        for (var i = 0; i < Bands.Count; i++)
        {
            var band = bytes.AsSpan(HeaderLength + i * BandLength, BandLength);
            band[0] = Bands[i].Red;
            band[1] = Bands[i].Green;
            band[2] = Bands[i].Blue;
            BinaryPrimitives.WriteUInt16BigEndian(band[3..], (ushort)Math.Round(Bands[i].Weight * 1000));
        }
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>Unpacks an id made by <see cref="ToId"/>; null for anything else.</summary>
    public static ImageDescriptor? FromId(string id)
    {
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
        if (bytes.Length < HeaderLength || bytes[0] != Version)
        {
            return null;
        }
        var count = bytes[10];
        if (count is 0 or > MaxBands || bytes.Length != HeaderLength + BandLength * count || bytes[9] == 0)
        {
            return null;
        }
        var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(5));
        var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(7));
        if (width == 0 || height == 0)
        {
            return null;
        }
        var bands = new List<ColourBand>(count);
        for (var i = 0; i < count; i++)
        {
            var band = bytes.AsSpan(HeaderLength + i * BandLength, BandLength);
            bands.Add(new ColourBand(band[0], band[1], band[2], BinaryPrimitives.ReadUInt16BigEndian(band[3..]) / 1000.0));
        }
        return new ImageDescriptor(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1)), width, height, bytes[9], bands);
    }
}
