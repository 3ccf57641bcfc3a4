namespace IdeogramJobs.Api.Ideogram;

/// <summary>
/// A value callers may write (<see cref="Value"/>, e.g. "16:9" or FAST) and what is sent to
/// Ideogram for it (<see cref="ApiValue"/>, e.g. "16x9" or TURBO).
/// </summary>
public sealed record V3InputValue(string Value, string ApiValue);
