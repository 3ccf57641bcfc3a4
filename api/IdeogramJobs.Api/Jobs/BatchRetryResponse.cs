namespace IdeogramJobs.Api.Jobs;

/// <summary>One answer per job asked for, in the order asked; <see cref="Queued"/> counts those queued again.</summary>
public sealed record BatchRetryResponse(int Queued, IReadOnlyList<BatchRetryItem> Results);
