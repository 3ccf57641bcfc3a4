using IdeogramJobs.Database.Accounts;
using IdeogramJobs.Database.Configurations;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Logs;
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
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DATABASE_URL"] = database.Database.Url })
            .Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddDatabase()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.IsType<MySqlJobStore>(services.GetRequiredService<IJobStore>());
        Assert.IsType<MySqlImageAssetStore>(services.GetRequiredService<IImageAssetStore>());
        Assert.IsType<MySqlSystemLog>(services.GetRequiredService<ISystemLog>());
        Assert.IsType<MySqlJobConfigurationStore>(services.GetRequiredService<IJobConfigurationStore>());
        Assert.Same(services.GetRequiredService<IJobStore>(), services.GetRequiredService<IJobStore>());
        var account = await services.GetRequiredService<IAccountStore>().GetAsync(accountId, CancellationToken.None);
        Assert.Equal("Account acme", account?.Name);
        Assert.Equal(5, (await services.GetRequiredService<IJobConfigurationStore>().ListAsync(accountId, false, CancellationToken.None)).Count);
    }
}
