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
}
