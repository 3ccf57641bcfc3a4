namespace IdeogramJobs.Testing.Sirv;

/// <summary>A file the Sirv test host holds in memory.</summary>
public sealed record SirvStoredFile(byte[] Content, string? ContentType, DateTimeOffset StoredAt);
