namespace IdeogramJobs.Storage;

/// <summary>An image produced by a job, ready to be stored.</summary>
/// <param name="AccountId">The owning account; sanitised into a path segment.</param>
/// <param name="JobId">The job's integer id.</param>
/// <param name="Index">The image's position within the job's results, from 0.</param>
/// <param name="Content">The image bytes (PNG, JPEG or WebP).</param>
/// <param name="ContentType">The declared MIME type; the bytes decide when the two disagree.</param>
public sealed record ImageToStore(string AccountId, long JobId, int Index, ReadOnlyMemory<byte> Content, string ContentType);
