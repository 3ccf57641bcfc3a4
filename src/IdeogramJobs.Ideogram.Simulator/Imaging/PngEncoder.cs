using System.Buffers.Binary;
using System.IO.Compression;

namespace IdeogramJobs.Ideogram.Simulator.Imaging;

/// <summary>
/// A minimal PNG writer: 8-bit RGB, one IDAT chunk. A row equal to the one above is written with
/// the Up filter (all zeros), which keeps band images small and fast to compress.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private const byte FilterNone = 0;
    private const byte FilterUp = 2;

    /// <summary>Encodes an image whose row <c>y</c> (3 bytes per pixel) <paramref name="fillRow"/> writes.</summary>
    public static byte[] Encode(int width, int height, Action<int, Span<byte>> fillRow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);

        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;   // bit depth
        header[9] = 2;   // colour type: truecolour RGB
        header[10] = 0;  // deflate
        header[11] = 0;  // adaptive filtering
        header[12] = 0;  // no interlace
        WriteChunk(output, "IHDR"u8, header);

        WriteChunk(output, "IDAT"u8, CompressRows(width, height, fillRow));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static byte[] CompressRows(int width, int height, Action<int, Span<byte>> fillRow)
    {
        var stride = width * 3;
        var previous = new byte[stride];
        var current = new byte[stride];
        var zeros = new byte[stride];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                fillRow(y, current);
                if (y > 0 && current.AsSpan().SequenceEqual(previous))
                {
                    zlib.WriteByte(FilterUp);
                    zlib.Write(zeros);
                }
                else
                {
                    zlib.WriteByte(FilterNone);
                    zlib.Write(current);
                }
                (previous, current) = (current, previous);
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Compute(type, data));
        output.Write(number);
    }
}
