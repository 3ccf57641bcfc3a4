using IdeogramJobs.Contracts.Queries;
using IdeogramJobs.Database.Accounts;
using IdeogramJobs.Database.Queries;
using IdeogramJobs.Database.Usage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IdeogramJobs.Database.Tests;

public sealed class QueryServiceRegistrationTests : IAsyncLifetime
{
    private readonly StoreTestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task AddDatabase_provides_the_mysql_queries_and_key_store_as_singletons_working_against_DATABASE_URL()
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

        Assert.IsType<MySqlJobQueries>(services.GetRequiredService<IJobQueries>());
        Assert.IsType<MySqlImageQueries>(services.GetRequiredService<IImageQueries>());
        Assert.IsType<MySqlUsageQueries>(services.GetRequiredService<IUsageQueries>());
        Assert.IsType<MySqlApiKeyStore>(services.GetRequiredService<IApiKeyStore>());
        Assert.Same(services.GetRequiredService<IImageQueries>(), services.GetRequiredService<IImageQueries>());
        var issued = await services.GetRequiredService<IApiKeyStore>().IssueAsync(accountId, "registered", Contracts.Admin.ApiKeyRole.User, CancellationToken.None);
        Assert.Equal(accountId, issued?.AccountId);
        Assert.Equal(0, (await services.GetRequiredService<IJobQueries>().ListAsync(accountId, new JobQuery(), CancellationToken.None)).Total);
    }
}
