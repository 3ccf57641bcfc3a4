namespace IdeogramJobs.Contracts.Configurations;

/// <summary>The controls a UI schema may use.</summary>
public static class UiFieldTypes
{
    public const string Textarea = "textarea";
    public const string Text = "text";
    public const string Select = "select";
    public const string Slider = "slider";
    public const string Number = "number";
    public const string Checkbox = "checkbox";
    public const string ColorPalette = "color-palette";
    public const string StyleCodes = "style-codes";

    public static IReadOnlyList<string> All { get; } = [Textarea, Text, Select, Slider, Number, Checkbox, ColorPalette, StyleCodes];
}
