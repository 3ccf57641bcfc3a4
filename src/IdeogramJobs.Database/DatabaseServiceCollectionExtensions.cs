using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Migrations;
using IdeogramJobs.Database.Seeding;
using IdeogramJobs.Database.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Database settings (validated at start), connection sources, migrations and seeding.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<C360ReqDatabase>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<JobTypeSeeder>();
        services.AddSingleton<AccountProvisioner>();
        services.AddSingleton<DemoTenantSeeder>();
        return services;
    }
}
