using System.Globalization;
using System.Text.RegularExpressions;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Settings.Validation;

/// <summary>
/// Checks a job type as an admin writes it, before it is saved: its name and texts, that its
/// default settings are valid for the Ideogram V3 API, and that its override form is well formed.
/// Every problem is returned at once, named as the draft's JSON names it (camelCase).
/// </summary>
public static partial class JobConfigurationValidator
{
    public const int MaxDisplayNameLength = 255;
    public const int MaxDescriptionLength = 5_000;
    public const int MinExecutionOrder = 0;
    public const int MaxExecutionOrder = 100_000;

    public static IReadOnlyList<SettingsError> Validate(JobConfigurationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<SettingsError>();

        if (draft.JobTypeName is null || !JobTypeName().IsMatch(draft.JobTypeName))
        {
            errors.Add(new SettingsError("jobTypeName",
                "jobTypeName must start with a lower-case letter followed by 1 to 99 lower-case letters, digits or underscores, e.g. product_marketing.",
                draft.JobTypeName is null ? null : ErrorText.Shorten(draft.JobTypeName)));
        }

        if (string.IsNullOrWhiteSpace(draft.DisplayName))
        {
            errors.Add(new SettingsError("displayName", "displayName is required.", draft.DisplayName));
        }
        else
        {
            CheckLength(errors, "displayName", draft.DisplayName, MaxDisplayNameLength);
        }

        CheckLength(errors, "description", draft.Description, MaxDescriptionLength);

        if (draft.ExecutionOrder is < MinExecutionOrder or > MaxExecutionOrder)
        {
            var order = draft.ExecutionOrder.ToString(CultureInfo.InvariantCulture);
            var range = $"{MinExecutionOrder.ToString(CultureInfo.InvariantCulture)}..{MaxExecutionOrder.ToString(CultureInfo.InvariantCulture)}";
            errors.Add(new SettingsError("executionOrder", $"executionOrder {order} is out of range: use {range}.", order, [range]));
        }

        if (draft.DefaultSettings is null)
        {
            errors.Add(new SettingsError("defaultSettings", "defaultSettings is required (it may be an empty object)."));
        }
        else
        {
            errors.AddRange(V3SettingsValidator.Validate(draft.DefaultSettings)
                .Select(error => error with { Field = $"defaultSettings.{error.Field}" }));
        }

        errors.AddRange(UiSchemaValidator.Validate(draft.UiSchema));
        return errors;
    }

    private static void CheckLength(List<SettingsError> errors, string field, string? text, int limit)
    {
        if (text is not null && text.Length > limit)
        {
            errors.Add(new SettingsError(field,
                $"{field} is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {limit.ToString(CultureInfo.InvariantCulture)} are allowed.",
                ErrorText.Shorten(text)));
        }
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]{1,99}\z")]
    private static partial Regex JobTypeName();
}
