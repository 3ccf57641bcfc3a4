namespace IdeogramJobs.Settings.Translation;

/// <summary>
/// One style reference image to upload with a generation: the name the user knows it by (used
/// in error messages only), its declared content type and its bytes.
/// </summary>
public sealed record StyleReferenceImage(string FileName, string ContentType, byte[] Content);
