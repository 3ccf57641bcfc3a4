using IdeogramJobs.Testing;

namespace IdeogramJobs.Ideogram.Tests.Infrastructure;

/// <summary>How the scripted host answers one image download.</summary>
/// <param name="HoldUntilImageRequests">
/// When set, the answer waits (at most 10 s) until the host has received this many image
/// requests in all, and answers 500 if they never come: proves the downloads run at once.
/// </param>
public sealed record ImageScript(int Status, string? ContentType, byte[] Body, bool AnnounceLength = true, int? HoldUntilImageRequests = null)
{
    public static ImageScript Png() => new(200, "image/png", TestImages.Png);
}
