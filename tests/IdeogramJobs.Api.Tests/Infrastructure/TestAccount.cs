namespace IdeogramJobs.Api.Tests.Infrastructure;

/// <summary>An account of a test, its key and a client that sends it.</summary>
public sealed record TestAccount(string AccountId, string Key, HttpClient Http);
