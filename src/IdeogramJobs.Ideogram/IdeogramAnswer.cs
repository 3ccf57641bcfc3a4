namespace IdeogramJobs.Ideogram;

/// <summary>
/// The 200 answer of the generate route: when it was created and one link per image. Receiving it
/// means the generation ran and is billed, whatever happens to the images afterwards.
/// </summary>
public sealed record IdeogramAnswer(DateTimeOffset Created, IReadOnlyList<GeneratedImageLink> Images);
