namespace IdeogramJobs.Contracts.OrganisationKeys;

/// <summary>Whether an organisation's jobs run on its own Ideogram key.</summary>
public enum OrganisationKeyStatus
{
    /// <summary>No key of its own: its jobs use the service key.</summary>
    None,

    /// <summary>Its jobs use its own key.</summary>
    Active,

    /// <summary>Ideogram refused the key (401/403): its jobs fail until an admin replaces it.</summary>
    RefusedByIdeogram,
}
