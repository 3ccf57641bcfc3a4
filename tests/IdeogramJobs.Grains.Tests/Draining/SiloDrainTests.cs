using IdeogramJobs.Grains.Draining;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Grains.Tests.Draining;

public sealed class SiloDrainTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan TestBound = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider time = new();
    private readonly SiloDrain drain;
    private readonly StopRecorder lifecycle = new();

    public SiloDrainTests()
    {
        drain = new SiloDrain(Microsoft.Extensions.Options.Options.Create(new SiloDrainOptions { DrainSeconds = Bound.TotalSeconds }), time, NullLogger<SiloDrain>.Instance);
        drain.Participate(lifecycle);
    }

    [Fact]
    public async Task A_silo_with_no_running_attempt_stops_at_once_and_starts_none_afterwards()
    {
        await lifecycle.StopAsync().WaitAsync(TestBound);

        Assert.True(drain.IsDraining);
        Assert.False(drain.IsCuttingOff);
    }

    [Fact]
    public async Task A_running_attempt_is_left_to_finish_within_the_bound()
    {
        using var attempt = new CancellationTokenSource();
        var tracked = drain.Track(1, attempt);

        var stopping = lifecycle.StopAsync();
        Assert.False(stopping.IsCompleted, "the drain should wait for the running attempt");
        tracked.Dispose();
        await stopping.WaitAsync(TestBound);

        Assert.False(attempt.IsCancellationRequested);
        Assert.False(drain.IsCuttingOff);
    }

    [Fact]
    public async Task An_attempt_still_running_when_the_bound_passes_is_stopped_as_cut_off_by_the_silo()
    {
        using var attempt = new CancellationTokenSource();
        var tracked = drain.Track(1, attempt);
        attempt.Token.Register(tracked.Dispose);

        var stopping = lifecycle.StopAsync();
        time.Advance(Bound);
        await stopping.WaitAsync(TestBound);

        Assert.True(attempt.IsCancellationRequested);
        Assert.True(drain.IsCuttingOff);
    }

    /// <summary>The silo lifecycle as far as the drain uses it: one stop handler, run when the test stops the silo.</summary>
    private sealed class StopRecorder : ISiloLifecycle
    {
        private ILifecycleObserver? observer;

        public int HighestCompletedStage => ServiceLifecycleStage.Active;

        public int LowestStoppedStage => int.MaxValue;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            Assert.Equal(ServiceLifecycleStage.Active, stage);
            this.observer = observer;
            return new NoSubscription();
        }

        public Task StopAsync() => observer!.OnStop(CancellationToken.None);

        private sealed class NoSubscription : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
