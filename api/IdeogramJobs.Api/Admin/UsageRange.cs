using System.Globalization;
using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Admin;

/// <summary>
/// Reads a usage query's from/to/granularity: ISO dates (<c>2025-06-01</c>) or date-times
/// (<c>2025-06-01T12:00:00Z</c>, UTC when no offset is given); a date-only <c>to</c> includes that
/// whole day. Defaults: the last 30 days, per day. The range must be positive and at most 366 days,
/// and hourly figures cover at most 31 days.
/// </summary>
public static class UsageRange
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(366);
    public static readonly TimeSpan MaxHourlySpan = TimeSpan.FromDays(31);

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static UsageQuery? Parse(string? accountId, string? from, string? to, string? granularity, DateTimeOffset now, out IReadOnlyList<SettingsError> errors)
    {
        var found = new List<SettingsError>();
        errors = found;

        var end = ParseInstant(found, "to", to, endOfDay: true);
        var start = ParseInstant(found, "from", from, endOfDay: false);
        var unit = ParseGranularity(found, granularity);
        if (found.Count > 0)
        {
            return null;
        }

        var resolvedEnd = end ?? now;
        var resolvedStart = start ?? resolvedEnd - DefaultSpan;
        if (resolvedEnd <= resolvedStart)
        {
            found.Add(new SettingsError("to", "to must be later than from.", Text(resolvedEnd)));
        }
        else if (resolvedEnd - resolvedStart > MaxSpan)
        {
            found.Add(new SettingsError("to", "The range from..to may cover at most 366 days.", Text(resolvedEnd)));
        }
        else if (unit == UsageGranularity.Hour && resolvedEnd - resolvedStart > MaxHourlySpan)
        {
            found.Add(new SettingsError("granularity", "Hourly figures cover at most 31 days; use granularity=day or a shorter range.", "hour", ["day"]));
        }

        return found.Count > 0
            ? null
            : new UsageQuery { AccountId = accountId, From = resolvedStart.UtcDateTime, To = resolvedEnd.UtcDateTime, Granularity = unit };
    }

    private static DateTimeOffset? ParseInstant(List<SettingsError> errors, string field, string? text, bool endOfDay)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        DateTimeOffset parsed;
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            parsed = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (endOfDay && parsed < Latest)
            {
                parsed = parsed.AddDays(1);
            }
        }
        else if (!DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, styles, out parsed))
        {
            errors.Add(new SettingsError(field, $"{field} must be an ISO date (2025-06-01) or date-time (2025-06-01T12:00:00Z).", AdminTextRules.Shown(text)));
            return null;
        }

        if (parsed < Earliest || parsed > Latest)
        {
            errors.Add(new SettingsError(field, $"{field} must lie between 2000-01-01 and 2100-01-01.", AdminTextRules.Shown(text)));
            return null;
        }

        return parsed;
    }

    private static UsageGranularity ParseGranularity(List<SettingsError> errors, string? text)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "" or "day":
                return UsageGranularity.Day;
            case "hour":
                return UsageGranularity.Hour;
            default:
                errors.Add(new SettingsError("granularity", "granularity must be day or hour.", AdminTextRules.Shown(text), ["day", "hour"]));
                return UsageGranularity.Day;
        }
    }

    private static string Text(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
