using System.Text.Json.Serialization;

namespace IdeogramJobs.Contracts.Settings;

/// <summary>
/// One palette colour. The specification writes members as bare hex strings
/// (<c>"#1B365D"</c>); a weighted member is written as <c>{"color": "#1B365D", "weight": 0.5}</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.palette-member")]
[JsonConverter(typeof(PaletteMemberJsonConverter))]
public sealed record PaletteMember([property: Id(0)] string Color, [property: Id(1)] double? Weight = null);
