namespace IdeogramJobs.Contracts.Configurations;

/// <summary>
/// What a user may change when running a job type: the form's fields, in order. A setting not
/// listed here keeps the job type's default for non-admin users.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.ui-schema")]
public sealed record UiSchema
{
    [Id(0)] public IReadOnlyList<UiField> Fields { get; init; } = [];
}
