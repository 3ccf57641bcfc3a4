using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Database.Seeding;

namespace IdeogramJobs.Settings.Tests.Infrastructure;

/// <summary>The specification's five job types as configurations and drafts, for tests.</summary>
internal static class SeededJobTypes
{
    public static IEnumerable<object[]> Names => DefaultJobTypes.All.Select(type => new object[] { type.Name });

    public static JobTypeDefinition Definition(string name) => DefaultJobTypes.All.Single(type => type.Name == name);

    public static JobConfiguration Configuration(string name)
    {
        var type = Definition(name);
        return new JobConfiguration
        {
            ConfigId = type.ExecutionOrder,
            AccountId = "account-1",
            JobTypeName = type.Name,
            DisplayName = type.DisplayName,
            Description = type.Description,
            DefaultSettings = type.Defaults,
            UiSchema = type.UiSchema,
            ExecutionOrder = type.ExecutionOrder,
        };
    }

    public static JobConfigurationDraft Draft(string name)
    {
        var type = Definition(name);
        return new JobConfigurationDraft
        {
            JobTypeName = type.Name,
            DisplayName = type.DisplayName,
            Description = type.Description,
            DefaultSettings = type.Defaults,
            UiSchema = type.UiSchema,
            ExecutionOrder = type.ExecutionOrder,
        };
    }
}
