using IdeogramJobs.Database.Accounts;
using IdeogramJobs.Database.Admission;
using IdeogramJobs.Database.Brand;
using IdeogramJobs.Database.Budgets;
using IdeogramJobs.Database.Configurations;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Costs;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;
using IdeogramJobs.Database.Migrations;
using IdeogramJobs.Database.OrganisationKeys;
using IdeogramJobs.Database.Queries;
using IdeogramJobs.Database.Retention;
using IdeogramJobs.Database.Secrets;
using IdeogramJobs.Database.Seeding;
using IdeogramJobs.Database.Tenancy;
using IdeogramJobs.Database.Usage;
using IdeogramJobs.Database.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Database settings (validated at start), connection sources, migrations, seeding and the stores.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<SecretEncryptionOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecretEncryptionOptions>, SecretEncryptionOptionsValidator>();
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<SecretRotation>();
        services.AddSingleton<IOrganisationKeyStore, MySqlOrganisationKeyStore>();
        services.AddSingleton<ISecretReEncryptor, OrganisationKeyReEncryptor>();
        services.AddSingleton<ISecretReEncryptor, WebhookSecretReEncryptor>();
        services.AddSingleton<ISecretReEncryptor, AccountSigningSecretReEncryptor>();
        services.AddSingleton<C360ReqDatabase>();
        services.AddSingleton<OrleansDatabase>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<JobTypeSeeder>();
        services.AddSingleton<AccountProvisioner>();
        services.AddSingleton<DemoTenantSeeder>();
        services.AddSingleton<IJobStore, MySqlJobStore>();
        services.AddSingleton<IImageAssetStore, MySqlImageAssetStore>();
        services.AddSingleton<IImageFileRecords, MySqlImageFileRecords>();
        services.AddSingleton<ISystemLog, MySqlSystemLog>();
        services.AddSingleton<IJobConfigurationStore, MySqlJobConfigurationStore>();
        services.AddSingleton<IAccountStore, MySqlAccountStore>();
        services.AddSingleton<IAdmissionHistoryStore, MySqlAdmissionHistoryStore>();
        services.AddSingleton<IApiKeyStore, MySqlApiKeyStore>();
        // The query services answer listings and analytics. The API calls them itself, as it calls the stores
        // for edits no grain has a say in; a grain stands in between only where it decides something or
        // holds live state, since a hop that only hands the call on adds a network round trip and nothing else.
        services.AddSingleton<IJobQueries, MySqlJobQueries>();
        services.AddSingleton<IJobLogQueries, MySqlJobLogQueries>();
        services.AddSingleton<IImageQueries, MySqlImageQueries>();
        services.AddSingleton<IUsageQueries, MySqlUsageQueries>();
        services.AddSingleton<IProviderKeyUsageQueries, MySqlProviderKeyUsageQueries>();
        services.AddSingleton<IRetentionStore, MySqlRetentionStore>();
        services.AddSingleton<IBrandLibraryStore, MySqlBrandLibraryStore>();
        services.AddSingleton<IAccountBudgetStore, MySqlAccountBudgetStore>();
        services.AddSingleton<BilledSpendAlerts>();
        services.AddOptions<WebhookOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<IWebhookStore, MySqlWebhookStore>();
        services.AddSingleton<IJobWebhookStore, MySqlJobWebhookStore>();
        return services;
    }
}
