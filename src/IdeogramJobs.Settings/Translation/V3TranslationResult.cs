using System.Diagnostics.CodeAnalysis;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Settings.Translation;

/// <summary>Either a request ready to send or every reason the input cannot be sent.</summary>
public sealed record V3TranslationResult
{
    private V3TranslationResult(V3GenerateRequest? request, IReadOnlyList<SettingsError> errors)
    {
        Request = request;
        Errors = errors;
    }

    public V3GenerateRequest? Request { get; }

    public IReadOnlyList<SettingsError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Request))]
    public bool Succeeded => Request is not null;

    internal static V3TranslationResult Success(V3GenerateRequest request) => new(request, []);

    internal static V3TranslationResult Failure(IReadOnlyList<SettingsError> errors) => new(null, errors);
}
