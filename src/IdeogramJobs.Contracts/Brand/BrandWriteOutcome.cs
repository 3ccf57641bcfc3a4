namespace IdeogramJobs.Contracts.Brand;

public enum BrandWriteOutcome
{
    Saved,
    Deleted,
    Invalid,
    NotFound,
    NameTaken,

    /// <summary>A delete refused because job types name the entry in their defaults.</summary>
    InUse,
}
