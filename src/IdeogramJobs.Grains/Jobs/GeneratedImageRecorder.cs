using System.Diagnostics;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Ideogram;
using IdeogramJobs.Storage;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// Keeps one generated image: its bytes in the image store (Sirv or local disk) and its row in
/// ssnews_image_assets. Both are idempotent per (job, index), so a resumed job never records an
/// image twice, and the row is written only while the attempt owns the job.
/// </summary>
public sealed class GeneratedImageRecorder(IImageStore imageStore, IImageAssetStore images, JobMetrics metrics, JobTracing tracing)
{
    /// <summary>The recorded image, or null when the attempt no longer owns the job (nothing was recorded).</summary>
    public async Task<JobImage?> RecordAsync(StoredJob job, string attemptToken, int index, GeneratedImage image, CancellationToken cancellationToken)
    {
        var stored = await SaveAsync(new ImageToStore(job.AccountId, job.JobId, index, image.Content!, image.ContentType ?? "image/png"), cancellationToken);
        var imageId = await images.RecordAsync(new NewImageAsset
        {
            AccountId = job.AccountId,
            JobId = job.JobId,
            Index = index,
            Url = stored.PublicUrl,
            StoragePath = stored.StoragePath,
            Prompt = image.Prompt,
            Seed = image.Seed,
            Resolution = image.Resolution,
            StyleType = image.StyleType,
            IsImageSafe = image.IsImageSafe,
            Generation = new GenerationMetadata
            {
                JobTypeName = job.JobTypeName,
                ConfigId = job.ConfigId,
                RequestedPrompt = job.EffectivePrompt,
                FinalSettings = job.FinalSettings,
                ContentType = stored.ContentType,
                SizeBytes = stored.SizeBytes,
                Sha256 = stored.Sha256,
            },
            AttemptToken = attemptToken,
        }, cancellationToken);
        return imageId is null ? null : new JobImage
        {
            ImageId = imageId.Value,
            Index = index,
            Url = stored.PublicUrl,
            Seed = image.Seed,
            Resolution = image.Resolution,
            StyleType = image.StyleType,
            IsImageSafe = image.IsImageSafe,
            Prompt = image.Prompt,
            StoragePath = stored.StoragePath,
        };
    }

    private async Task<StoredImage> SaveAsync(ImageToStore image, CancellationToken cancellationToken)
    {
        using var activity = tracing.StartImageSave(imageStore.Name, image.JobId, image.Index);
        try
        {
            var stored = await imageStore.SaveAsync(image, cancellationToken);
            metrics.ImageStored(imageStore.Name, "ok");
            return stored;
        }
        catch (ImageStorageException e)
        {
            var outcome = e.IsTransient ? "transient" : "failed";
            metrics.ImageStored(imageStore.Name, outcome);
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            throw;
        }
    }
}
