namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>The parts of a multipart body in the order received, or why the body could not be read as one.</summary>
public sealed record FormReadResult(IReadOnlyList<FormPart> Parts, ValidationFailure? Failure);
