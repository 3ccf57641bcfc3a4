namespace IdeogramJobs.Ideogram.Http;

/// <summary>
/// The two named HttpClients. Generated images are fetched with a client of their own so the
/// Api-Key, which only the generate call adds, can never travel to the image host.
/// </summary>
public static class IdeogramHttpClientNames
{
    public const string Generate = "IdeogramJobs.Ideogram.Generate";
    public const string ImageDownload = "IdeogramJobs.Ideogram.ImageDownload";
}
