using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.OrganisationKeys;

namespace IdeogramJobs.Database.Tests.OrganisationKeys;

public sealed class JobKeyPinTests : IAsyncLifetime
{
    private readonly StoreTestDatabase database = new();
    private MySqlOrganisationKeyStore keys = null!;
    private MySqlJobStore jobs = null!;
    private ImageJobRows rows = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        keys = new MySqlOrganisationKeyStore(database.Connections);
        jobs = new MySqlJobStore(database.Connections, new MySqlImageAssetStore(database.Connections));
        rows = new ImageJobRows(database);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_job_is_pinned_to_the_key_its_organisation_had_when_first_pinned_and_keeps_it_after_a_key_is_set()
    {
        var accountId = await database.CreateAccountAsync("pins");
        var organizationId = await OrganisationOfAsync(accountId);
        var jobId = await rows.CreateJobAsync(accountId, "blog_header");
        Assert.Null((await jobs.GetAsync(jobId, CancellationToken.None))!.PinnedKeyIdentity);

        Assert.Equal(ProviderKeyIdentity.Service, await keys.PinJobAsync(jobId, CancellationToken.None));
        await keys.SetKeyAsync(organizationId, "sealed-value", "9f2c", DateTime.UtcNow, CancellationToken.None);

        Assert.Equal(ProviderKeyIdentity.Service, await keys.PinJobAsync(jobId, CancellationToken.None));
        Assert.Equal(ProviderKeyIdentity.Service, (await jobs.GetAsync(jobId, CancellationToken.None))!.PinnedKeyIdentity);
    }

    [Fact]
    public async Task A_job_of_an_organisation_with_its_own_key_is_pinned_to_that_key_and_its_read_says_so()
    {
        var accountId = await database.CreateAccountAsync("ownkey");
        var organizationId = await OrganisationOfAsync(accountId);
        await keys.SetKeyAsync(organizationId, "sealed-value", "9f2c", DateTime.UtcNow, CancellationToken.None);
        var jobId = await rows.CreateJobAsync(accountId, "blog_header");

        Assert.Equal(ProviderKeyIdentity.ForOrganisation(organizationId), await keys.PinJobAsync(jobId, CancellationToken.None));
        Assert.Equal(ProviderKeyIdentity.ForOrganisation(organizationId), (await jobs.GetAsync(jobId, CancellationToken.None))!.PinnedKeyIdentity);
    }

    private async Task<string> OrganisationOfAsync(string accountId) =>
        Assert.Single(await database.Database.QueryAsync($"SELECT organization_id FROM ssnews_accounts WHERE account_id = '{accountId}'"))["organization_id"]!;
}
