using System.Text;
using System.Text.Json;

namespace IdeogramJobs.Settings.Translation;

/// <summary>
/// The <c>color_palette</c> value: exactly one of a preset <see cref="Name"/> or a list of
/// <see cref="Members"/>. Built only by the translator, so the exclusivity always holds.
/// </summary>
public sealed record V3ColorPalette
{
    private V3ColorPalette(string? name, IReadOnlyList<V3PaletteMember>? members)
    {
        Name = name;
        Members = members;
    }

    public string? Name { get; }

    public IReadOnlyList<V3PaletteMember>? Members { get; }

    internal static V3ColorPalette Preset(string name) => new(name, null);

    internal static V3ColorPalette FromMembers(IReadOnlyList<V3PaletteMember> members) => new(null, members);

    /// <summary>
    /// The JSON text of the <c>color_palette</c> part: <c>{"name":"PASTEL"}</c> or
    /// <c>{"members":[{"color_hex":"#1B365D"},{"color_hex":"#FFFFFF","color_weight":0.5}]}</c>.
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (Name is not null)
            {
                writer.WriteString("name", Name);
            }
            else
            {
                writer.WriteStartArray("members");
                foreach (var member in Members!)
                {
                    writer.WriteStartObject();
                    writer.WriteString("color_hex", member.ColorHex);
                    if (member.ColorWeight is { } weight)
                    {
                        writer.WriteNumber("color_weight", weight);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public bool Equals(V3ColorPalette? other) =>
        other is not null
        && Name == other.Name
        && (Members is null ? other.Members is null : other.Members is not null && Members.SequenceEqual(other.Members));

    public override int GetHashCode() => HashCode.Combine(Name, Members?.Count);
}
