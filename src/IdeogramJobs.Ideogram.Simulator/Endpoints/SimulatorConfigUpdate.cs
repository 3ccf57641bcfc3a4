using System.Text.Json;
using IdeogramJobs.Ideogram.Simulator.Options;

namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>
/// Applies a <c>PUT /_simulator/config</c> body to the current settings: each field present replaces
/// the setting, the rest stay. Unknown or mistyped fields are refused by name.
/// </summary>
public static class SimulatorConfigUpdate
{
    private static readonly string[] Fields =
        ["latencyScale", "inflightLimit", "keyInflightLimits", "failureRates", "retryAfterSeconds", "safetyMarker", "imageUrlTtlSeconds", "seed", "hangSeconds"];

    private static readonly string[] RateFields = ["rateLimited", "serverError", "serviceUnavailable", "hang"];

    /// <summary>The updated settings, or the reasons the body cannot be applied.</summary>
    public static (SimulatorOptions? Updated, IReadOnlyList<string> Errors) Apply(JsonElement body, SimulatorOptions current)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, ["The body must be a JSON object with any of: " + string.Join(", ", Fields) + "."]);
        }
        var errors = new List<string>();
        var updated = current with { };
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "latencyScale":
                    Number(value, property.Name, errors, number => updated.LatencyScale = number);
                    break;
                case "inflightLimit":
                    Integer(value, property.Name, errors, number => updated.InflightLimit = number);
                    break;
                case "keyInflightLimits":
                    ApplyKeyLimits(value, updated, errors);
                    break;
                case "retryAfterSeconds":
                    if (value.ValueKind == JsonValueKind.Null)
                    {
                        updated.RetryAfterSeconds = null;
                    }
                    else
                    {
                        Integer(value, property.Name, errors, number => updated.RetryAfterSeconds = number);
                    }
                    break;
                case "safetyMarker":
                    if (value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                    {
                        updated.SafetyMarker = value.GetString() ?? "";
                    }
                    else
                    {
                        errors.Add("'safetyMarker' must be a string (empty or null disables the check).");
                    }
                    break;
                case "imageUrlTtlSeconds":
                    Integer(value, property.Name, errors, number => updated.ImageUrlTtlSeconds = number);
                    break;
                case "seed":
                    Integer(value, property.Name, errors, number => updated.Seed = number);
                    break;
                case "hangSeconds":
                    Integer(value, property.Name, errors, number => updated.HangSeconds = number);
                    break;
                case "failureRates":
                    ApplyRates(value, updated, errors);
                    break;
                default:
                    errors.Add($"'{property.Name}' is not a setting; use any of: {string.Join(", ", Fields)}.");
                    break;
            }
        }
        return errors.Count == 0 ? (updated, errors) : (null, errors);
    }

    /// <summary>An object of key to limit replaces every per-key limit; an empty object removes them.</summary>
    private static void ApplyKeyLimits(JsonElement limits, SimulatorOptions updated, List<string> errors)
    {
        if (limits.ValueKind != JsonValueKind.Object)
        {
            errors.Add("'keyInflightLimits' must be an object of API key to in-flight limit.");
            return;
        }
        var entries = new List<KeyValuePair<string, int>>();
        var position = 0;
        foreach (var property in limits.EnumerateObject())
        {
            position++;
            // The key is a secret: errors say which entry, not which key.
            if (property.Name.Contains(','))
            {
                errors.Add($"'keyInflightLimits' entry {position} has a key containing ','.");
            }
            else if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out var limit))
            {
                errors.Add($"'keyInflightLimits' entry {position} must have a whole-number limit.");
            }
            else
            {
                entries.Add(new KeyValuePair<string, int>(property.Name, limit));
            }
        }
        updated.KeyInflightLimits = PerKeyInflightLimits.Format(entries);
    }

    private static void ApplyRates(JsonElement rates, SimulatorOptions updated, List<string> errors)
    {
        if (rates.ValueKind != JsonValueKind.Object)
        {
            errors.Add("'failureRates' must be an object with any of: " + string.Join(", ", RateFields) + ".");
            return;
        }
        foreach (var property in rates.EnumerateObject())
        {
            var name = "failureRates." + property.Name;
            switch (property.Name)
            {
                case "rateLimited":
                    Number(property.Value, name, errors, number => updated.FailureRate429 = number);
                    break;
                case "serverError":
                    Number(property.Value, name, errors, number => updated.FailureRate500 = number);
                    break;
                case "serviceUnavailable":
                    Number(property.Value, name, errors, number => updated.FailureRate503 = number);
                    break;
                case "hang":
                    Number(property.Value, name, errors, number => updated.FailureRateHang = number);
                    break;
                default:
                    errors.Add($"'{name}' is not a failure rate; use any of: {string.Join(", ", RateFields)}.");
                    break;
            }
        }
    }

    private static void Number(JsonElement value, string name, List<string> errors, Action<double> assign)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            assign(value.GetDouble());
        }
        else
        {
            errors.Add($"'{name}' must be a number.");
        }
    }

    private static void Integer(JsonElement value, string name, List<string> errors, Action<int> assign)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            assign(number);
        }
        else
        {
            errors.Add($"'{name}' must be a whole number.");
        }
    }
}
