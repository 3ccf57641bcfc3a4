using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Database.Accounts;
using IdeogramJobs.Database.Admission;
using IdeogramJobs.Database.Configurations;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;
using IdeogramJobs.Database.Queries;
using IdeogramJobs.Database.Secrets;
using IdeogramJobs.Database.Usage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IdeogramJobs.Database.Tests;

public sealed class DatabaseServiceRegistrationTests : IAsyncLifetime
{
    private readonly StoreTestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task AddDatabase_provides_one_mysql_store_per_interface_working_against_DATABASE_URL()
    {
        var accountId = await database.CreateAccountAsync("acme");
        await using var services = Services();

        Assert.IsType<MySqlJobStore>(services.GetRequiredService<IJobStore>());
        Assert.IsType<MySqlImageAssetStore>(services.GetRequiredService<IImageAssetStore>());
        Assert.IsType<MySqlSystemLog>(services.GetRequiredService<ISystemLog>());
        Assert.IsType<MySqlJobConfigurationStore>(services.GetRequiredService<IJobConfigurationStore>());
        Assert.Same(services.GetRequiredService<IJobStore>(), services.GetRequiredService<IJobStore>());
        var account = await services.GetRequiredService<IAccountStore>().GetAsync(accountId, CancellationToken.None);
        Assert.Equal("Account acme", account?.Name);
        Assert.Equal(5, (await services.GetRequiredService<IJobConfigurationStore>().ListAsync(accountId, false, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Secrets_rotate_reencrypts_organisation_keys_and_webhook_secrets()
    {
        await using var services = Services();

        Assert.Equal(
            ["account webhook signing secrets", "organisation Ideogram keys", "webhook signing secrets"],
            services.GetServices<ISecretReEncryptor>().Select(r => r.Kind).Order());
    }

    [Fact]
    public async Task AddDatabase_provides_the_mysql_queries_key_store_and_admission_history_as_singletons_working_against_DATABASE_URL()
    {
        var accountId = await database.CreateAccountAsync("acme");
        await using var services = Services();

        Assert.IsType<MySqlJobQueries>(services.GetRequiredService<IJobQueries>());
        Assert.IsType<MySqlImageQueries>(services.GetRequiredService<IImageQueries>());
        Assert.IsType<MySqlUsageQueries>(services.GetRequiredService<IUsageQueries>());
        Assert.IsType<MySqlApiKeyStore>(services.GetRequiredService<IApiKeyStore>());
        Assert.IsType<MySqlAdmissionHistoryStore>(services.GetRequiredService<IAdmissionHistoryStore>());
        Assert.Same(services.GetRequiredService<IImageQueries>(), services.GetRequiredService<IImageQueries>());
        var issued = await services.GetRequiredService<IApiKeyStore>().IssueAsync(accountId, "registered", ApiKeyRole.User, CancellationToken.None);
        Assert.Equal(accountId, issued?.AccountId);
        Assert.Equal(0, (await services.GetRequiredService<IJobQueries>().ListAsync(accountId, new JobQuery(), CancellationToken.None)).Total);
        Assert.Equal(0, (await services.GetRequiredService<IAdmissionHistoryStore>().ReadAsync(accountId, DateTimeOffset.UtcNow, CancellationToken.None)).JobsLastDay);
    }

    private ServiceProvider Services() =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["DATABASE_URL"] = database.Database.Url })
                .Build())
            .AddLogging()
            .AddDatabase()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
}
