namespace IdeogramJobs.Benchmarks.Peers;

/// <summary>An account whose jobs a peer runs, with its blog_header job configuration.</summary>
public sealed record PeerAccount(string AccountId, long ConfigId);
