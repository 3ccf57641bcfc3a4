using IdeogramJobs.Ideogram.Failures;

namespace IdeogramJobs.Ideogram;

/// <summary>Generates images with Ideogram V3 and returns them downloaded.</summary>
public interface IIdeogramClient
{
    /// <summary>
    /// Validates and translates the request, calls the generate route (retrying transient
    /// failures within the configured bounds) and downloads every image while its URL is valid.
    /// </summary>
    /// <exception cref="IdeogramSettingsException">The request cannot be sent; nothing was called.</exception>
    /// <exception cref="IdeogramException">Ideogram or the image download failed; see Kind and IsTransient.</exception>
    Task<IdeogramGeneration> GenerateAsync(IdeogramGenerateRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The billed step alone: validates and translates the request and calls the generate route, returning
    /// Ideogram's answer with the image URLs, not yet downloaded. Keep the answer before doing anything else
    /// with it: the generation is paid for once this returns.
    /// </summary>
    /// <exception cref="IdeogramSettingsException">The request cannot be sent; nothing was called.</exception>
    /// <exception cref="IdeogramException">Ideogram refused or failed the request; see Kind and IsTransient.</exception>
    Task<IdeogramAnswer> RequestAsync(IdeogramGenerateRequest request, CancellationToken cancellationToken);

    /// <summary>Downloads the images of an answer while their URLs are valid; a withheld image comes back without content.</summary>
    /// <exception cref="IdeogramException">A download failed (Kind DownloadFailed); see IsTransient.</exception>
    Task<IReadOnlyList<GeneratedImage>> DownloadAsync(IReadOnlyList<GeneratedImageLink> images, CancellationToken cancellationToken);
}
