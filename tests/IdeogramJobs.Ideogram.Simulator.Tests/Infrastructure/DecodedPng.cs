using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;

/// <summary>
/// An independent PNG reader for the tests: checks the signature and every chunk CRC, reads IHDR,
/// inflates IDAT and undoes all five filter types (8-bit RGB only, which is what the simulator writes).
/// </summary>
public sealed class DecodedPng
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private DecodedPng(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>RGB triples, row by row.</summary>
    public byte[] Pixels { get; }

    public string HexAt(int x, int y)
    {
        var i = (y * Width + x) * 3;
        return $"#{Pixels[i]:X2}{Pixels[i + 1]:X2}{Pixels[i + 2]:X2}";
    }

    /// <summary>Pixel count per colour, as upper-case #RRGGBB.</summary>
    public Dictionary<string, int> ColourCounts()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Pixels.Length; i += 3)
        {
            var key = $"#{Pixels[i]:X2}{Pixels[i + 1]:X2}{Pixels[i + 2]:X2}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    public static DecodedPng Decode(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(Signature), "the bytes do not start with the PNG signature");
        var offset = Signature.Length;
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var sawEnd = false;
        while (offset < png.Length && !sawEnd)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.True(crc == Crc(png.AsSpan(offset + 4, 4 + length)), $"chunk {type} has a wrong CRC");
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    Assert.Equal(2, data[9]);
                    Assert.Equal(0, data[12]);
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }
            offset += 12 + length;
        }
        Assert.True(sawEnd, "the PNG has no IEND chunk");
        Assert.True(width > 0 && height > 0, "the PNG has no IHDR chunk");

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        var raw = inflated.ToArray();
        var stride = width * 3;
        Assert.Equal((stride + 1) * height, raw.Length);
        return new DecodedPng(width, height, Unfilter(raw, width, height));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height)
    {
        const int bpp = 3;
        var stride = width * bpp;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var above = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? row[x - bpp] : 0, b = above[x], c = x >= bpp ? above[x - bpp] : 0;
                row[x] = (byte)(source[x] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown PNG filter {filter}"),
                });
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
