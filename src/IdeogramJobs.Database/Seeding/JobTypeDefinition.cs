using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Database.Seeding;

/// <summary>A job type as seeded for an account: defaults plus the form users may fill in.</summary>
public sealed record JobTypeDefinition(
    string Name,
    string DisplayName,
    string Description,
    JobSettings Defaults,
    UiSchema UiSchema,
    int ExecutionOrder);
