using IdeogramJobs.Grains.Accounts;

namespace IdeogramJobs.Grains.Tests.Accounts;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_bucket_starts_with_its_capacity_less_what_its_last_period_took()
    {
        var bucket = new TokenBucket(10, Minute, Start, takenInLastPeriod: 7);

        Assert.Equal(TimeSpan.Zero, bucket.WaitFor(3, Start));
        Assert.Equal(TimeSpan.FromSeconds(6), bucket.WaitFor(4, Start));
    }

    [Fact]
    public void A_bucket_that_took_more_than_its_capacity_starts_empty_not_in_debt()
    {
        var bucket = new TokenBucket(10, Minute, Start, takenInLastPeriod: 25);

        Assert.Equal(TimeSpan.FromSeconds(6), bucket.WaitFor(1, Start));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_bucket_rebuilt_from_its_last_period_never_admits_more_than_the_bucket_kept_all_along(int seed)
    {
        // Bursts and idle gaps against a bucket kept all along; at each step a bucket rebuilt from the
        // admissions of the last period (as a restarted grain would) must hold no more than it.
        var random = new Random(seed);
        var kept = new TokenBucket(10, Minute, Start, takenInLastPeriod: 0);
        var admissions = new List<(DateTimeOffset At, int Count)>();
        var now = Start;
        for (var step = 0; step < 2000; step++)
        {
            now += TimeSpan.FromMilliseconds(random.Next(0, random.Next(2) == 0 ? 3_000 : 30_000));
            var taken = admissions.Where(a => a.At >= now - Minute).Sum(a => a.Count);
            var rebuilt = new TokenBucket(10, Minute, now, taken);
            for (var count = 1; count <= 10; count++)
            {
                Assert.True(rebuilt.WaitFor(count, now) >= kept.WaitFor(count, now), $"Step {step}: the rebuilt bucket admits {count} sooner than the kept one.");
            }

            var asked = random.Next(1, 4);
            if (kept.WaitFor(asked, now) == TimeSpan.Zero)
            {
                kept.Take(asked, now);
                admissions.Add((now, asked));
            }
        }

        Assert.True(admissions.Count > 100, "The sequence should admit enough to matter.");
    }
}
