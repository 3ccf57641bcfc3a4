namespace IdeogramJobs.Storage.Local;

/// <summary>What the repair pass found for one recorded image file.</summary>
public enum ImageFileRepairOutcome
{
    /// <summary>The file is there with the recorded length and hash.</summary>
    Intact,

    /// <summary>The file was missing or damaged and was downloaded again from Ideogram's still-valid link.</summary>
    Restored,

    /// <summary>The file was missing or damaged and could not be restored; a damaged file was removed so it is never served.</summary>
    Lost,
}
