namespace IdeogramJobs.Contracts.Settings;

/// <summary>
/// One reason a setting was refused: the field (camelCase, as the caller wrote it), what was
/// wrong, the offending value as text, and the values that would have been accepted.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.settings-error")]
public sealed record SettingsError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message,
    [property: Id(2)] string? Value = null,
    [property: Id(3)] IReadOnlyList<string>? Allowed = null);
