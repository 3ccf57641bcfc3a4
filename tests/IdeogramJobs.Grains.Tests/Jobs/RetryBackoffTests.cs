using IdeogramJobs.Grains.Jobs;

namespace IdeogramJobs.Grains.Tests.Jobs;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(10, 60)]
    public void Doubles_with_each_retry_up_to_the_maximum(int retry, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.Delay(retry, Base, Max, retryAfter: null, jitterSample: 0.5));
    }

    [Fact]
    public void Jitter_spreads_the_delay_by_a_fifth_either_way()
    {
        Assert.Equal(TimeSpan.FromSeconds(3.2), RetryBackoff.Delay(2, Base, Max, null, jitterSample: 0));
        Assert.Equal(TimeSpan.FromSeconds(4.8), RetryBackoff.Delay(2, Base, Max, null, jitterSample: 1));
    }

    [Fact]
    public void A_longer_retry_after_from_the_provider_wins()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), RetryBackoff.Delay(1, Base, Max, TimeSpan.FromSeconds(90), 0.5));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryBackoff.Delay(1, Base, Max, TimeSpan.FromSeconds(1), 0.5));
    }
}
