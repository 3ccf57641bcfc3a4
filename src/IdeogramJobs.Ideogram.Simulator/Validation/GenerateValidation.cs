namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>Either the validated request or the first rule it broke.</summary>
public sealed record GenerateValidation(GenerateRequest? Request, ValidationFailure? Failure);
