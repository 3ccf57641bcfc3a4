namespace IdeogramJobs.Grains.ProviderKeys;

/// <summary>
/// The key a job is pinned to (its identity, never the key), that key's in-flight limit and where the limit is
/// set, and why the job cannot run on it (refused by Ideogram, removed), if so.
/// </summary>
public sealed record ProviderKeyChoice(string Identity, int MaxInflightImages, string LimitSetting, string? Unusable);
