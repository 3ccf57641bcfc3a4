using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdeogramJobs.Contracts.Settings;

/// <summary>
/// Reads a member as a hex string or as an object with <c>color</c> (or <c>color_hex</c>) and
/// an optional <c>weight</c> (or <c>color_weight</c>); writes the string form when there is no
/// weight, so stored settings keep the specification's shape.
/// </summary>
public sealed class PaletteMemberJsonConverter : JsonConverter<PaletteMember>
{
    public override PaletteMember Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new PaletteMember(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A palette member is a hex colour string or an object with 'color' and an optional 'weight'.");
        }

        string? color = null;
        double? weight = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "color" or "colorHex" or "color_hex":
                    color = reader.TokenType == JsonTokenType.String
                        ? reader.GetString()
                        : throw new JsonException($"Palette member '{property}' must be a string.");
                    break;
                case "weight" or "colorWeight" or "color_weight":
                    weight = reader.TokenType == JsonTokenType.Number
                        ? reader.GetDouble()
                        : throw new JsonException($"Palette member '{property}' must be a number.");
                    break;
                default:
                    throw new JsonException($"Palette member has an unknown property '{property}'; allowed: color, weight.");
            }
        }

        return new PaletteMember(color ?? throw new JsonException("A palette member object needs 'color'."), weight);
    }

    public override void Write(Utf8JsonWriter writer, PaletteMember value, JsonSerializerOptions options)
    {
        if (value.Weight is null)
        {
            writer.WriteStringValue(value.Color);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("color", value.Color);
        writer.WriteNumber("weight", value.Weight.Value);
        writer.WriteEndObject();
    }
}
