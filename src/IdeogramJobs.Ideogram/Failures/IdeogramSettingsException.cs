using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Ideogram.Failures;

/// <summary>
/// The settings or reference images cannot be sent to Ideogram (a brand reference left unresolved,
/// images the settings do not name, images over 10 MB together); thrown before any HTTP call.
/// Carries every <see cref="SettingsError"/>, each naming its field.
/// </summary>
public sealed class IdeogramSettingsException : IdeogramException
{
    public IdeogramSettingsException(IReadOnlyList<SettingsError> errors)
        : base(IdeogramFailureKind.InvalidRequest, Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<SettingsError> Errors { get; }

    private static string Describe(IReadOnlyList<SettingsError> errors) =>
        "The request cannot be sent to Ideogram: " + string.Join(" ", errors.Select(e => e.Message));
}
