namespace IdeogramJobs.Database.Retention;

/// <summary>An image row due for deletion and where its file is.</summary>
/// <param name="StoredUrl">The URL recorded when it was stored; says which store holds it.</param>
/// <param name="StoragePath">The path inside its store, when recorded.</param>
public sealed record ExpiredImage(long ImageId, string StoredUrl, string? StoragePath);
