namespace IdeogramJobs.Database.Retention;

/// <summary>What deleting a batch of expired jobs removed: the jobs, their image rows (whose files go next) and style references.</summary>
public sealed record ExpiredJobsDeletion(int Jobs, IReadOnlyList<ExpiredImage> Images, int StyleReferences);
