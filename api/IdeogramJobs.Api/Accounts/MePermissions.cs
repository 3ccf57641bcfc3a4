namespace IdeogramJobs.Api.Accounts;

/// <summary>What the presented key may do, so a client can hide what would be refused.</summary>
public sealed record MePermissions(bool RunJobs, bool EditJobTypes, bool EditBrandLibrary, bool OverrideAnySetting, bool AdministerService);
