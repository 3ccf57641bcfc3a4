namespace IdeogramJobs.Testing.Sirv;

/// <summary>What the Sirv test host saw of one upload request and how it answered.</summary>
/// <param name="RawQuery">The query string exactly as sent (still URL-encoded).</param>
/// <param name="Filename">The decoded filename parameter.</param>
/// <param name="ReceivedAt">The host's (fake) clock when the request arrived.</param>
public sealed record SirvUploadRecord(
    string RawQuery,
    string? Filename,
    string? ContentType,
    long BodyLength,
    string? BearerToken,
    DateTimeOffset ReceivedAt,
    int AnsweredStatus);
