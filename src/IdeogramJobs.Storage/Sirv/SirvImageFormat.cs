namespace IdeogramJobs.Storage.Sirv;

/// <summary>Output format Sirv renders (the format query parameter).</summary>
public enum SirvImageFormat
{
    /// <summary>The best format the browser supports (AVIF/WebP/JPEG/PNG); Sirv's default.</summary>
    Optimal,
    Original,
    Jpg,
    Png,
    Webp,
    Avif,
    Gif,
}
