using System.Globalization;
using System.Text.Json;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;
using IdeogramJobs.Settings.Vocabulary;

namespace IdeogramJobs.Settings.Validation;

/// <summary>
/// Checks that a job type's override form can only offer what the API accepts: known field
/// names, once each; a control that suits the setting; options, ranges and defaults the API
/// (and the field itself) accept. Errors are named <c>uiSchema.fields[i].property</c>.
/// </summary>
internal static class UiSchemaValidator
{
    public const int MaxFields = 30;
    public const int MaxLabelLength = 100;
    public const int MaxPlaceholderLength = 500;
    public const int MaxHelpTextLength = 1_000;
    public const int MaxGroupLength = 50;

    /// <summary>Room for every style preset (62) or resolution (69), the longest API lists.</summary>
    public const int MaxOptions = 100;

    private const string FieldsPath = "uiSchema.fields";

    private static readonly JsonDocumentOptions DefaultDocumentOptions = new() { MaxDepth = OverridesParser.MaxDepth };

    public static IReadOnlyList<SettingsError> Validate(UiSchema? schema)
    {
        var errors = new List<SettingsError>();
        if (schema?.Fields is not { } fields)
        {
            errors.Add(new SettingsError(FieldsPath, "uiSchema.fields is required: the list of form fields (it may be empty)."));
            return errors;
        }

        if (fields.Count > MaxFields)
        {
            var count = fields.Count.ToString(CultureInfo.InvariantCulture);
            errors.Add(new SettingsError(FieldsPath,
                $"uiSchema has {count} fields; at most {MaxFields.ToString(CultureInfo.InvariantCulture)} are allowed.",
                count, [$"0..{MaxFields.ToString(CultureInfo.InvariantCulture)}"]));
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var path = $"{FieldsPath}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (fields[i] is not { } field)
            {
                errors.Add(new SettingsError(path, $"{path} is empty: a field needs at least a name, a type and a label."));
                continue;
            }

            var name = CheckName(field, path, seen, errors);
            var suitable = CheckType(field, name, path, errors);
            CheckTexts(field, path, errors);

            // Options and bounds are judged against the type; an unknown type has already been reported.
            if (field.Type is not null && UiFieldTypes.All.Contains(field.Type, StringComparer.Ordinal))
            {
                CheckOptions(field, name, suitable, path, errors);
                CheckRange(field, name, suitable, path, errors);
            }

            if (name is not null && UiFieldControls.For(name).Count > 0)
            {
                CheckDefault(field, name, path, errors);
            }
        }

        return errors;
    }

    /// <summary>The field's name when it is one a form may offer, else null (with the error recorded).</summary>
    private static string? CheckName(UiField field, string path, HashSet<string> seen, List<SettingsError> errors)
    {
        var at = $"{path}.name";
        if (string.IsNullOrWhiteSpace(field.Name))
        {
            errors.Add(new SettingsError(at, $"{at} is required.", field.Name, SettingNames.UiFieldNames));
            return null;
        }

        if (!SettingNames.UiFieldNames.Contains(field.Name, StringComparer.Ordinal))
        {
            var shown = ErrorText.Shorten(field.Name);
            errors.Add(new SettingsError(at,
                $"'{shown}' is not a setting a form can offer; allowed names: {string.Join(", ", SettingNames.UiFieldNames)}.",
                shown, SettingNames.UiFieldNames));
            return null;
        }

        if (!seen.Add(field.Name))
        {
            errors.Add(new SettingsError(at, $"'{field.Name}' appears more than once in the form; each field may appear once.", field.Name));
        }

        return field.Name;
    }

    /// <summary>True when the type is known and suits the named field.</summary>
    private static bool CheckType(UiField field, string? name, string path, List<SettingsError> errors)
    {
        var at = $"{path}.type";
        if (field.Type is null || !UiFieldTypes.All.Contains(field.Type, StringComparer.Ordinal))
        {
            errors.Add(new SettingsError(at,
                $"'{ErrorText.Shorten(field.Type ?? string.Empty)}' is not a field type; allowed: {string.Join(", ", UiFieldTypes.All)}.",
                field.Type, UiFieldTypes.All));
            return false;
        }

        if (name is null)
        {
            return false;
        }

        var suits = UiFieldControls.For(name);
        if (suits.Count == 0)
        {
            errors.Add(new SettingsError(at,
                $"{name} cannot be a form field: reference images are uploaded files and no field type exists for them.",
                field.Type));
            return false;
        }

        if (!suits.Contains(field.Type, StringComparer.Ordinal))
        {
            errors.Add(new SettingsError(at,
                $"a {field.Type} field does not suit {name}; use {string.Join(" or ", suits)}.",
                field.Type, suits));
            return false;
        }

        return true;
    }

    private static void CheckTexts(UiField field, string path, List<SettingsError> errors)
    {
        if (string.IsNullOrWhiteSpace(field.Label))
        {
            errors.Add(new SettingsError($"{path}.label", $"{path}.label is required: the text shown next to the field.", field.Label));
        }
        else
        {
            CheckLength(field.Label, $"{path}.label", MaxLabelLength, errors);
        }

        CheckLength(field.Placeholder, $"{path}.placeholder", MaxPlaceholderLength, errors);
        CheckLength(field.HelpText, $"{path}.helpText", MaxHelpTextLength, errors);
        if (field.Group is not null && string.IsNullOrWhiteSpace(field.Group))
        {
            errors.Add(new SettingsError($"{path}.group", $"{path}.group is blank: name the section (e.g. advanced) or leave group out.", field.Group));
        }
        else
        {
            CheckLength(field.Group, $"{path}.group", MaxGroupLength, errors);
        }
    }

    private static void CheckOptions(UiField field, string? name, bool suitable, string path, List<SettingsError> errors)
    {
        var at = $"{path}.options";
        if (field.Type != UiFieldTypes.Select)
        {
            if (field.Options is not null)
            {
                errors.Add(new SettingsError(at, $"{at} applies only to select fields; this is a {field.Type} field."));
            }

            return;
        }

        if (field.Options is not { Count: > 0 } options)
        {
            errors.Add(new SettingsError(at, $"{at}: a select field needs at least one option."));
            return;
        }

        if (options.Count > MaxOptions)
        {
            var count = options.Count.ToString(CultureInfo.InvariantCulture);
            errors.Add(new SettingsError(at, $"{at} lists {count} options; at most {MaxOptions.ToString(CultureInfo.InvariantCulture)} are allowed.", count));
            return;
        }

        if (!suitable || name is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < options.Count; j++)
        {
            var optionAt = $"{at}[{j.ToString(CultureInfo.InvariantCulture)}]";
            if (options[j] is not { } option)
            {
                errors.Add(new SettingsError(optionAt, $"{optionAt} is empty."));
            }
            else if (!seen.Add(option))
            {
                errors.Add(new SettingsError(optionAt, $"{optionAt} '{option}' is listed more than once.", option));
            }
            else
            {
                errors.AddRange(V3SettingsValidator.Validate(SettingMembers.WithText(new JobSettings(), name, option))
                    .Select(error => error with { Field = optionAt }));
            }
        }
    }

    private static void CheckRange(UiField field, string? name, bool suitable, string path, List<SettingsError> errors)
    {
        if (field.Type is not (UiFieldTypes.Slider or UiFieldTypes.Number))
        {
            foreach (var (bound, property) in new[] { (field.Min, "min"), (field.Max, "max") })
            {
                if (bound is not null)
                {
                    errors.Add(new SettingsError($"{path}.{property}",
                        $"{path}.{property} applies only to slider and number fields; this is a {field.Type} field."));
                }
            }

            return;
        }

        if (!suitable || name is null)
        {
            return;
        }

        var (apiMin, apiMax) = UiFieldControls.ApiRange(name);
        var apiRange = $"{apiMin.ToString(CultureInfo.InvariantCulture)}..{apiMax.ToString(CultureInfo.InvariantCulture)}";
        var boundsValid = true;
        foreach (var (bound, property) in new[] { (field.Min, "min"), (field.Max, "max") })
        {
            var at = $"{path}.{property}";
            if (bound is not { } value)
            {
                if (field.Type == UiFieldTypes.Slider)
                {
                    errors.Add(new SettingsError(at, $"{at} is required: a slider needs both min and max ({name} allows {apiRange}).", null, [apiRange]));
                    boundsValid = false;
                }

                continue;
            }

            var shown = value.ToString(CultureInfo.InvariantCulture);
            if (!double.IsFinite(value) || Math.Floor(value) != value)
            {
                errors.Add(new SettingsError(at, $"{at} {shown} must be a whole number: {name} is an integer.", shown, [apiRange]));
                boundsValid = false;
            }
            else if (value < apiMin || value > apiMax)
            {
                errors.Add(new SettingsError(at, $"{at} {shown} is outside what the API accepts for {name}: {apiRange}.", shown, [apiRange]));
                boundsValid = false;
            }
        }

        if (boundsValid && field.Min is { } min && field.Max is { } max && min > max)
        {
            var shown = min.ToString(CultureInfo.InvariantCulture);
            errors.Add(new SettingsError($"{path}.min",
                $"{path}.min {shown} is greater than max {max.ToString(CultureInfo.InvariantCulture)}.", shown));
        }
    }

    /// <summary>A default must be a value the field itself would accept from a user.</summary>
    private static void CheckDefault(UiField field, string name, string path, List<SettingsError> errors)
    {
        if (field.DefaultJson is null)
        {
            return;
        }

        var at = $"{path}.default";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(field.DefaultJson, DefaultDocumentOptions);
        }
        catch (JsonException exception)
        {
            errors.Add(new SettingsError(at, $"{at} is not valid JSON: {exception.Message}", ErrorText.Shorten(field.DefaultJson)));
            return;
        }

        using (document)
        {
            var value = document.RootElement;
            if (name is SettingNames.Prompt or SettingNames.CustomPromptAddition)
            {
                CheckTextDefault(value, name, at, errors);
                return;
            }

            var readErrors = new List<SettingsError>();
            var holder = SettingValueReader.Read(new JobSettings(), name, value, at, readErrors);
            if (readErrors.Count > 0)
            {
                errors.AddRange(readErrors);
                return;
            }

            var apiErrors = V3SettingsValidator.Validate(holder);
            if (apiErrors.Count > 0)
            {
                errors.AddRange(apiErrors.Select(error => error with { Field = at }));
                return;
            }

            if (UiFieldConstraint.Check(field, holder, at) is { } outside)
            {
                errors.Add(outside);
            }
        }
    }

    private static void CheckTextDefault(JsonElement value, string name, string at, List<SettingsError> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(SettingValueReader.TypeError(at, "a string", value));
            return;
        }

        var limit = name == SettingNames.Prompt ? V3Vocabulary.MaxPromptLength : OverrideValidator.MaxCustomPromptAdditionLength;
        CheckLength(value.GetString(), at, limit, errors);
    }

    private static void CheckLength(string? text, string at, int limit, List<SettingsError> errors)
    {
        if (text is not null && text.Length > limit)
        {
            errors.Add(new SettingsError(at,
                $"{at} is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {limit.ToString(CultureInfo.InvariantCulture)} are allowed.",
                ErrorText.Shorten(text)));
        }
    }
}
