namespace IdeogramJobs.Contracts.OrganisationKeys;

public enum OrganisationKeyWriteOutcome
{
    Done,
    NoSuchOrganisation,

    /// <summary>SECRET_ENCRYPTION_KEYS is not set, so no key can be stored.</summary>
    EncryptionUnavailable,
}
