using IdeogramJobs.Database.Admission;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// An account's rate limits (token buckets for jobs and images per minute and per day) and its
/// daily image quota (per UTC calendar day). A submission is checked against all of them first and
/// charged only when every one admits it, so a refusal costs nothing.
/// The state lives in memory but starts from the account's <see cref="AdmissionHistory"/>, so a grain
/// that deactivates, moves to another silo or is given new limits keeps what it already admitted:
/// each bucket starts with its capacity less what its window (the last minute or the last 24 hours)
/// admitted, never below zero, and refills from the moment the history was read; the quota starts
/// from the images admitted since UTC midnight. That sliding-window start never holds more tokens
/// than the bucket kept all along would, so limits can only be stricter across a restart, never looser.
/// </summary>
public sealed class AdmissionControl
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly TimeProvider time;
    private readonly AdmissionLimits limits;
    private readonly TokenBucket jobsPerMinute;
    private readonly TokenBucket jobsPerDay;
    private readonly TokenBucket imagesPerMinute;
    private readonly TokenBucket imagesPerDay;
    private DateOnly quotaDay;
    private int imagesToday;

    public AdmissionControl(AdmissionLimits limits, TimeProvider time, AdmissionHistory history)
    {
        this.time = time;
        this.limits = limits;
        var asOf = history.AsOf;
        jobsPerMinute = new TokenBucket(limits.JobsPerMinute, Minute, asOf, history.JobsLastMinute);
        jobsPerDay = new TokenBucket(limits.JobsPerDay, Day, asOf, history.JobsLastDay);
        imagesPerMinute = new TokenBucket(limits.ImagesPerMinute, Minute, asOf, history.ImagesLastMinute);
        imagesPerDay = new TokenBucket(limits.ImagesPerDay, Day, asOf, history.ImagesLastDay);
        quotaDay = DateOnly.FromDateTime(asOf.UtcDateTime);
        imagesToday = history.ImagesSinceMidnight;
    }

    public AdmissionDecision TryAdmit(int images)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Only a later day resets the quota: a clock that steps back over midnight must not free today's images again.
        if (today > quotaDay)
        {
            quotaDay = today;
            imagesToday = 0;
        }

        if (imagesToday + images > limits.DailyImageQuota)
        {
            var midnight = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return new AdmissionDecision(false, "daily_image_quota", midnight - now);
        }

        foreach (var (name, bucket, count) in new[]
        {
            ("jobs_per_minute", jobsPerMinute, 1),
            ("images_per_minute", imagesPerMinute, images),
            ("jobs_per_day", jobsPerDay, 1),
            ("images_per_day", imagesPerDay, images),
        })
        {
            var wait = bucket.WaitFor(count, now);
            if (wait > TimeSpan.Zero)
            {
                return new AdmissionDecision(false, name, wait == TimeSpan.MaxValue ? bucket.Period : wait);
            }
        }

        jobsPerMinute.Take(1, now);
        jobsPerDay.Take(1, now);
        imagesPerMinute.Take(images, now);
        imagesPerDay.Take(images, now);
        imagesToday += images;
        return AdmissionDecision.Yes;
    }
}
