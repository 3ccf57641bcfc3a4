using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Seeding;
using IdeogramJobs.Database.Tenancy;
using IdeogramJobs.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Tests;

/// <summary>A migrated private database with the connection source the stores take, and accounts made the way the service makes them.</summary>
public sealed class StoreTestDatabase : IAsyncLifetime
{
    private AccountProvisioner provisioner = null!;

    public TestDatabase Database { get; } = new();

    public C360ReqDatabase Connections { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        Connections = new C360ReqDatabase(Options.Create(Database.Options));
        provisioner = new AccountProvisioner(Connections, new JobTypeSeeder(Connections, NullLogger<JobTypeSeeder>.Instance));
    }

    public async Task DisposeAsync()
    {
        await Connections.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>An active account (with its organisation and the default job types); returns its id.</summary>
    public async Task<string> CreateAccountAsync(string slug)
    {
        var organizationId = await provisioner.EnsureOrganizationAsync("org-" + slug, "Org " + slug, CancellationToken.None);
        return await provisioner.EnsureAccountAsync(organizationId, slug, "Account " + slug, CancellationToken.None);
    }

    public async Task<int> ConfigIdAsync(string accountId, string jobTypeName) =>
        (int)await Database.CountAsync(
            $"SELECT config_id FROM ssnews_job_configurations WHERE account_id = '{accountId}' AND job_type_name = '{jobTypeName}'");

    /// <summary>Every column of a row of ssnews_jobs, as text.</summary>
    public async Task<Dictionary<string, string?>> JobRowAsync(long jobId) =>
        Assert.Single(await Database.QueryAsync($"SELECT * FROM ssnews_jobs WHERE job_id = {jobId}"));

    /// <summary>A job of the older content system, as its workers would find it; returns its job_id.</summary>
    public async Task<long> InsertOlderSystemJobAsync(string accountId, string jobType, string status)
    {
        await Database.ExecuteAsync($$"""
            INSERT INTO ssnews_jobs (organization_id, account_id, job_type, status, priority, payload, created_by)
            VALUES ('org-old', '{{accountId}}', '{{jobType}}', '{{status}}', 100, '{"topic": "news"}', 'system')
            """);
        return await Database.CountAsync($"SELECT MAX(job_id) FROM ssnews_jobs WHERE job_type = '{jobType}'");
    }
}
