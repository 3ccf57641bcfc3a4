namespace IdeogramJobs.Contracts.Jobs;

/// <summary>A style reference image sent with a submission (JPEG, PNG or WebP; at most three, 10 MB in all).</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.style-reference-upload")]
public sealed record StyleReferenceUpload(
    [property: Id(0)] string FileName,
    [property: Id(1)] string ContentType,
    [property: Id(2)] byte[] Content)
{
    public override string ToString() => $"StyleReferenceUpload {{ FileName = {FileName}, ContentType = {ContentType}, Bytes = {Content.Length} }}";
}
