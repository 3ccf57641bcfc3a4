using IdeogramJobs.Contracts.Retention;
using IdeogramJobs.Database.Retention;
using IdeogramJobs.Storage;
using IdeogramJobs.Storage.Local;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Grains.Retention;

/// <summary>
/// Deletes what is past its period, account by account, in batches of RETENTION_BATCH_SIZE rows with a
/// pause between them. Rows go first, in short transactions; their image files follow, from the store
/// that holds them (local disk or Sirv). A file that cannot be deleted is logged and left, never its row
/// kept: the row is what the service shows.
/// </summary>
public sealed class RetentionSweeper(
    IRetentionStore store,
    IImageStore imageStore,
    LocalDiskImageStore localDisk,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionSweeper> logger)
{
    public async Task<RetentionPolicy> PolicyAsync(string accountId, CancellationToken cancellationToken) =>
        options.Value.Defaults.With(await store.GetOverrideAsync(accountId, cancellationToken));

    public async Task<RetentionReport> PreviewAsync(string? accountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var reports = new List<AccountRetentionReport>();
        foreach (var account in await AccountsAsync(accountId, cancellationToken))
        {
            var policy = await PolicyAsync(account, cancellationToken);
            var counts = await store.CountAsync(account, RetentionCutoffs.From(policy, now), cancellationToken);
            reports.Add(new AccountRetentionReport { AccountId = account, Policy = policy, Counts = counts });
        }

        return new RetentionReport { DryRun = true, At = now, Accounts = reports };
    }

    public async Task<RetentionReport> RunAsync(string? accountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var reports = new List<AccountRetentionReport>();
        foreach (var account in await AccountsAsync(accountId, cancellationToken))
        {
            reports.Add(await RunAccountAsync(account, now, cancellationToken));
        }

        return new RetentionReport { DryRun = false, At = now, Accounts = reports };
    }

    private async Task<AccountRetentionReport> RunAccountAsync(string account, DateTime now, CancellationToken cancellationToken)
    {
        var policy = await PolicyAsync(account, cancellationToken);
        var cutoffs = RetentionCutoffs.From(policy, now);
        // The oldest dates come from a count taken just before; the counts are what was really deleted.
        var oldest = (await store.CountAsync(account, cutoffs, cancellationToken)).ToDictionary(c => c.Kind, c => c.Oldest);
        var limit = options.Value.BatchSize;
        var deleted = Enum.GetValues<RetentionKind>().ToDictionary(kind => kind, _ => 0L);

        deleted[RetentionKind.SystemLogs] = await InBatchesAsync(() => store.DeleteSystemLogsAsync(account, cutoffs.SystemLogs, limit, cancellationToken), cancellationToken);
        deleted[RetentionKind.IdempotencyKeys] = await InBatchesAsync(() => store.DeleteIdempotencyKeysAsync(account, cutoffs.IdempotencyKeys, limit, cancellationToken), cancellationToken);
        deleted[RetentionKind.AdmissionRejections] = await InBatchesAsync(() => store.DeleteAdmissionRejectionsAsync(account, cutoffs.AdmissionRejections, limit, cancellationToken), cancellationToken);
        deleted[RetentionKind.RejectedImages] = await InBatchesAsync(async () =>
        {
            var images = await store.DeleteRejectedImagesAsync(account, cutoffs.RejectedImages, limit, cancellationToken);
            await DeleteFilesAsync(images, cancellationToken);
            return images.Count;
        }, cancellationToken);

        while (true)
        {
            var batch = await store.DeleteJobsAsync(account, cutoffs.Jobs, limit, cancellationToken);
            await DeleteFilesAsync(batch.Images, cancellationToken);
            deleted[RetentionKind.Jobs] += batch.Jobs;
            deleted[RetentionKind.JobImages] += batch.Images.Count;
            deleted[RetentionKind.StyleReferences] += batch.StyleReferences;
            if (batch.Jobs < limit)
            {
                break;
            }

            await Task.Delay(options.Value.BatchPause, time, cancellationToken);
        }

        if (deleted.Values.Any(count => count > 0))
        {
            logger.LogInformation(
                "Retention for account {AccountId}: deleted {Jobs} job(s), {JobImages} of their image(s), {RejectedImages} rejected image(s), {SystemLogs} log row(s), {IdempotencyKeys} idempotency key(s), {AdmissionRejections} admission rejection(s)",
                account, deleted[RetentionKind.Jobs], deleted[RetentionKind.JobImages], deleted[RetentionKind.RejectedImages],
                deleted[RetentionKind.SystemLogs], deleted[RetentionKind.IdempotencyKeys], deleted[RetentionKind.AdmissionRejections]);
        }

        return new AccountRetentionReport
        {
            AccountId = account,
            Policy = policy,
            Counts = [.. deleted.Select(pair => new RetentionCount { Kind = pair.Key, Count = pair.Value, Oldest = pair.Value > 0 ? oldest.GetValueOrDefault(pair.Key) : null })],
        };
    }

    private async Task<long> InBatchesAsync(Func<Task<int>> deleteBatch, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var count = await deleteBatch();
            total += count;
            if (count < options.Value.BatchSize)
            {
                return total;
            }

            await Task.Delay(options.Value.BatchPause, time, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> AccountsAsync(string? accountId, CancellationToken cancellationToken) =>
        accountId is not null ? [accountId] : await store.ListAccountsAsync(cancellationToken);

    private async Task DeleteFilesAsync(IReadOnlyList<ExpiredImage> images, CancellationToken cancellationToken)
    {
        foreach (var image in images)
        {
            if (image.StoragePath is not { Length: > 1 } path)
            {
                continue;
            }

            var onDisk = image.StoredUrl.EndsWith("/media" + ImageStoragePath.ToUrlPath(path), StringComparison.Ordinal);
            var holder = onDisk ? localDisk : imageStore.Name == localDisk.Name ? null : imageStore;
            if (holder is null)
            {
                logger.LogWarning("Image {ImageId} was deleted but its file {StoragePath} is on Sirv, which is not configured; the file was left", image.ImageId, path);
                continue;
            }

            try
            {
                await holder.DeleteAsync(path, cancellationToken);
            }
            catch (ImageStorageException e)
            {
                logger.LogWarning(e, "Image {ImageId} was deleted but its file {StoragePath} could not be deleted from {ImageStore}", image.ImageId, path, holder.Name);
            }
        }
    }
}
