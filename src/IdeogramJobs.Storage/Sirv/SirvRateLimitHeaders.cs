using System.Globalization;
using System.Net.Http.Headers;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>Reads both of Sirv's rate-limit header families (names are case-insensitive).</summary>
internal static class SirvRateLimitHeaders
{
    private static readonly string[] Families = ["X-RateLimit", "X-Global-RateLimit"];

    public static IReadOnlyList<SirvRateLimitBucket> Read(HttpResponseHeaders headers)
    {
        var buckets = new List<SirvRateLimitBucket>(Families.Length);
        foreach (var family in Families)
        {
            var limit = ReadNumber(headers, $"{family}-Limit");
            var remaining = ReadNumber(headers, $"{family}-Remaining");
            var reset = ReadNumber(headers, $"{family}-Reset");
            if (limit is null && remaining is null && reset is null)
            {
                continue;
            }

            buckets.Add(new SirvRateLimitBucket(family, ReadText(headers, $"{family}-Type"), limit, remaining, ToInstant(reset)));
        }

        return buckets;
    }

    private static string? ReadText(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static long? ReadNumber(HttpResponseHeaders headers, string name) =>
        long.TryParse(ReadText(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static DateTimeOffset? ToInstant(long? unixSeconds)
    {
        const long maxUnixSeconds = 253_402_300_799;
        return unixSeconds is >= 0 and <= maxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds.Value) : null;
    }
}
