using IdeogramJobs.Ideogram.Simulator.Stats;

namespace IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;

/// <summary>Checks a request the simulator captured against the fields it must have carried.</summary>
public static class CapturedRequestAssertions
{
    /// <summary>
    /// The request was a multipart form answered 200 whose parts are exactly <paramref name="expected"/>
    /// (as a multiset of name and value: nothing missing, nothing extra, nothing twice), all text
    /// parts, with the palette as application/json and never a <c>model</c> part. Part order is not
    /// compared: the API reads fields by name, and no expected field is repeated.
    /// </summary>
    public static void SentExactly(IReadOnlyList<(string Name, string Value)> expected, CapturedRequest captured)
    {
        Assert.Equal(200, captured.Status);
        Assert.StartsWith("multipart/form-data", captured.ContentType, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(captured.Fields, f => f.Name == "model");
        Assert.All(captured.Fields, f => Assert.True(f.FileName is null && f.Length is null, $"part '{f.Name}' was sent as a file"));

        var sent = captured.Fields.Select(f => (f.Name, Value: f.Value ?? "")).OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal);
        var wanted = expected.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal);
        Assert.Equal(wanted, sent);

        foreach (var palette in captured.Fields.Where(f => f.Name == "color_palette"))
        {
            Assert.Equal("application/json", palette.ContentType);
        }
    }
}
