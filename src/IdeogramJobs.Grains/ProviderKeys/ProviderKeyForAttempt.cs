using IdeogramJobs.Ideogram;

namespace IdeogramJobs.Grains.ProviderKeys;

/// <summary>
/// The key one attempt sends: null <see cref="ApiKey"/> for the service key; for an organisation's key, the key and
/// when it was set (so a refusal blames that key, not one set since). <see cref="Unusable"/> says why nothing may be sent.
/// </summary>
public sealed record ProviderKeyForAttempt(string Identity, IdeogramApiKey? ApiKey, string? LastFour, DateTime? SetAt, string? Unusable);
