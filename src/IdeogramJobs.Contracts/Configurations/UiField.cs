using System.Text.Json.Serialization;

namespace IdeogramJobs.Contracts.Configurations;

/// <summary>
/// One control of a job type's override form. <see cref="Name"/> is a setting name (or
/// <c>prompt</c> / <c>customPromptAddition</c>); <see cref="Options"/>, <see cref="Min"/> and
/// <see cref="Max"/> narrow what the API itself would accept.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.ui-field")]
public sealed record UiField
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required string Type { get; init; }
    [Id(2)] public required string Label { get; init; }
    [Id(3)] public bool? Required { get; init; }
    [Id(4)] public string? Placeholder { get; init; }
    [Id(5)] public IReadOnlyList<string>? Options { get; init; }
    [Id(6)] public double? Min { get; init; }
    [Id(7)] public double? Max { get; init; }

    /// <summary>The field's default as JSON text (a string, number, boolean or palette object).</summary>
    [Id(8)]
    [JsonPropertyName("default")]
    [JsonConverter(typeof(RawJsonConverter))]
    public string? DefaultJson { get; init; }

    [Id(9)] public string? HelpText { get; init; }

    /// <summary>
    /// The section of the form the field belongs to (e.g. <c>advanced</c>); forms show grouped fields
    /// after the others, collapsed. Null: the main form.
    /// </summary>
    [Id(10)] public string? Group { get; init; }
}
