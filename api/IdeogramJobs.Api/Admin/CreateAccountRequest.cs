using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Admin;

/// <summary>An account to create, in an organisation that is created too when its slug is new.</summary>
public sealed record CreateAccountRequest
{
    public const int MaxNameLength = 255;

    /// <example>acme</example>
    public string? OrganizationSlug { get; init; }

    /// <example>Acme Ltd</example>
    public string? OrganizationName { get; init; }

    /// <example>acme-marketing</example>
    public string? AccountSlug { get; init; }

    /// <example>Acme Marketing</example>
    public string? AccountName { get; init; }

    public IReadOnlyList<SettingsError> Validate()
    {
        var errors = new List<SettingsError>();
        AdminTextRules.CheckSlug(errors, "organizationSlug", OrganizationSlug);
        AdminTextRules.CheckName(errors, "organizationName", OrganizationName, MaxNameLength);
        AdminTextRules.CheckSlug(errors, "accountSlug", AccountSlug);
        AdminTextRules.CheckName(errors, "accountName", AccountName, MaxNameLength);
        return errors;
    }
}
