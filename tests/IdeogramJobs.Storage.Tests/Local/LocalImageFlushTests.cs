using System.Globalization;
using IdeogramJobs.Storage.Local;
using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IdeogramJobs.Storage.Tests.Local;

/// <summary>Linux: files are written without an fsync of their own and the volume is synced by the flusher.</summary>
public sealed class LocalImageFlushTests
{
    [Fact]
    public void A_volume_where_no_image_was_ever_written_needs_no_repair()
    {
        using var harness = new LocalStoreHarness();

        Assert.Null(harness.Repair.CheckRowsRecordedSince);
        Assert.False(harness.Flusher.Flush());
    }

    [Fact]
    public async Task A_sync_after_saves_moves_the_marker_forward_and_a_sync_with_nothing_written_does_nothing()
    {
        using var harness = new LocalStoreHarness();
        await harness.Store.SaveAsync(new ImageToStore("acct-1", 42, 0, TestImages.RandomPng(), "image/png"), CancellationToken.None);
        var beforeFirstSync = ReadMarker(harness);
        var beforeFlush = DateTimeOffset.UtcNow;

        Assert.True(harness.Flusher.Flush());
        var afterFirstSync = ReadMarker(harness);
        Assert.False(harness.Flusher.Flush());

        Assert.True(afterFirstSync >= beforeFlush, $"the marker {afterFirstSync:O} should be no earlier than {beforeFlush:O}");
        Assert.True(beforeFirstSync <= beforeFlush, $"the marker written before the first image {beforeFirstSync:O} should be no later than {beforeFlush:O}");
        Assert.Equal(afterFirstSync, ReadMarker(harness));
    }

    [Fact]
    public async Task After_a_restart_the_repair_checks_the_rows_recorded_since_the_last_sync_before_it()
    {
        using var first = new LocalStoreHarness();
        await first.Store.SaveAsync(new ImageToStore("acct-1", 42, 0, TestImages.RandomPng(), "image/png"), CancellationToken.None);
        first.Flusher.Flush();
        var lastSync = ReadMarker(first);

        using var restarted = new LocalStoreHarness(root: first.Root);

        Assert.Equal(lastSync - LocalImageRepair.ClockMargin, restarted.Repair.CheckRowsRecordedSince);
    }

    [Fact]
    public async Task After_a_restart_the_marker_stays_where_it_was_until_the_repair_pass_has_finished()
    {
        using var first = new LocalStoreHarness();
        await first.Store.SaveAsync(new ImageToStore("acct-1", 42, 0, TestImages.RandomPng(), "image/png"), CancellationToken.None);
        first.Flusher.Flush();
        var lastSync = ReadMarker(first);
        using var restarted = new LocalStoreHarness(root: first.Root);
        var marker = restarted.Services.GetRequiredService<LocalImageFlushMarker>();

        await restarted.Store.SaveAsync(new ImageToStore("acct-1", 43, 0, TestImages.RandomPng(seed: 2), "image/png"), CancellationToken.None);
        Assert.True(restarted.Flusher.Flush());
        Assert.Equal(lastSync, ReadMarker(restarted));

        marker.RepairPassFinished();
        await restarted.Store.SaveAsync(new ImageToStore("acct-1", 44, 0, TestImages.RandomPng(seed: 3), "image/png"), CancellationToken.None);
        Assert.True(restarted.Flusher.Flush());

        Assert.True(ReadMarker(restarted) > lastSync, "the restarted process's sync after the repair pass moves the marker on");
        Assert.Equal(lastSync - LocalImageRepair.ClockMargin, restarted.Repair.CheckRowsRecordedSince);
    }

    [Fact]
    public void An_unreadable_marker_makes_the_repair_check_every_row()
    {
        using var harness = new LocalStoreHarness();
        Directory.CreateDirectory(harness.Root);
        File.WriteAllText(Path.Combine(harness.Root, LocalImageFlushMarker.FileName), "\0\0\0");

        Assert.Equal(DateTimeOffset.MinValue, harness.Repair.CheckRowsRecordedSince);
    }

    private static DateTimeOffset ReadMarker(LocalStoreHarness harness) =>
        DateTimeOffset.Parse(File.ReadAllText(Path.Combine(harness.Root, LocalImageFlushMarker.FileName)), CultureInfo.InvariantCulture);
}
