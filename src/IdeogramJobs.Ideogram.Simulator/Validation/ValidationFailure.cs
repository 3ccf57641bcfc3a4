namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>
/// A 400 the real API would answer. <see cref="Detail"/> follows Ideogram's style,
/// <c>'x' is not one of [...] - 'field'</c>, always ending with the field it concerns.
/// </summary>
public sealed record ValidationFailure(string Field, string Message)
{
    public string Detail => $"{Message} - '{Field}'";
}
