using System.Net;
using System.Net.Sockets;
using IdeogramJobs.Grains.Jobs;
using Microsoft.Extensions.Time.Testing;
using MySqlConnector;

namespace IdeogramJobs.Grains.Tests.Jobs;

public sealed class StepRetryTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_step_waits_for_an_unreachable_database_for_longer_than_its_tries_allow()
    {
        var unreachable = await UnreachableDatabaseFailureAsync();
        var time = new FakeTimeProvider();
        var failures = 0;
        var run = new StepRetry(time).RunAsync(
            _ => ++failures <= StepRetry.Tries * 2 ? throw unreachable : Task.FromResult("kept"),
            _ => TimeSpan.Zero,
            CancellationToken.None);

        await AdvanceUntilAsync(time, run);

        Assert.Equal("kept", await run);
        Assert.Equal((StepRetry.Tries * 2) + 1, failures);
    }

    [Fact]
    public async Task Other_failures_still_give_up_after_the_tries()
    {
        var time = new FakeTimeProvider();
        var failures = 0;
        var run = new StepRetry(time).RunAsync<string>(
            _ =>
            {
                failures++;
                throw new IOException("the upload failed");
            },
            _ => TimeSpan.Zero,
            CancellationToken.None);

        await AdvanceUntilAsync(time, run);

        await Assert.ThrowsAsync<IOException>(() => run);
        Assert.Equal(StepRetry.Tries, failures);
    }

    [Fact]
    public async Task The_wait_for_the_database_ends_with_the_attempt()
    {
        var unreachable = await UnreachableDatabaseFailureAsync();
        var time = new FakeTimeProvider();
        using var attempt = new CancellationTokenSource();
        var run = new StepRetry(time).RunAsync<string>(_ => throw unreachable, _ => TimeSpan.Zero, attempt.Token);

        time.Advance(TimeSpan.FromMinutes(1));
        await attempt.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound));
    }

    /// <summary>What the driver throws when nothing listens on the database's port: a real refusal, not a made-up exception.</summary>
    private static async Task<MySqlException> UnreachableDatabaseFailureAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var connectionString = new MySqlConnectionStringBuilder { Server = "127.0.0.1", Port = (uint)port, UserID = "nobody", ConnectionTimeout = 2 }.ConnectionString;
        await using var connection = new MySqlConnection(connectionString);
        return await Assert.ThrowsAsync<MySqlException>(() => connection.OpenAsync());
    }

    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Task run)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!run.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the step did not end while time was advanced");
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
    }
}
