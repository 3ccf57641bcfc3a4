using IdeogramJobs.Contracts.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Problems;

/// <summary>
/// Refused settings as RFC 7807 validation problems: <c>errors</c> maps each field to its
/// messages (the ASP.NET Core shape), and <c>fieldErrors</c> carries the value and the allowed values.
/// </summary>
public static class SettingsProblems
{
    public static ValidationProblem Invalid(IReadOnlyList<SettingsError> errors, string title = "The request has invalid fields.") =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title,
            extensions: new Dictionary<string, object?>
            {
                ["fieldErrors"] = errors.Select(e => new { field = e.Field, message = e.Message, value = e.Value, allowed = e.Allowed }).ToArray(),
            });

    public static ValidationProblem Invalid(string field, string message, string? value = null, IReadOnlyList<string>? allowed = null) =>
        Invalid([new SettingsError(field, message, value, allowed)]);
}
