using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Seeding;
using IdeogramJobs.Database.Tenancy;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Simulator;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;

namespace IdeogramJobs.Cluster.Tests.Infrastructure;

/// <summary>
/// The job engine as it runs in production: two silos over TCP on MariaDB (a database of the
/// fixture's own), the Ideogram simulator over HTTP, images on a temporary local disk. Subclasses
/// change the service settings a class of tests needs.
/// </summary>
public class JobEngineFixture : IAsyncLifetime
{
    public const string IdeogramKey = "cluster-test-key";

    public TestDatabase Database { get; } = new();

    public SimulatorHost Simulator { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public string ImageRoot { get; } = Path.Combine(Path.GetTempPath(), "ij-images-" + Guid.NewGuid().ToString("N"));

    /// <summary>Service settings for this fixture's silos, on top of the defaults below.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        Simulator = await SimulatorHost.StartAsync(clientTimeout: TimeSpan.FromSeconds(10));

        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        var properties = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = Database.Url,
            ["IDEOGRAM_BASE_URL"] = Simulator.BaseAddress.ToString(),
            ["IDEOGRAM_API_KEY"] = IdeogramKey,
            ["IMAGE_STORAGE_PATH"] = ImageRoot,
            ["PUBLIC_BASE_URL"] = "http://127.0.0.1:8080",
            ["JOB_TIMEOUT_SECONDS"] = "20",
            ["RETRY_BASE_DELAY_SECONDS"] = "0.2",
            ["RETRY_MAX_DELAY_SECONDS"] = "1",
            ["JOB_REMINDER_PERIOD_SECONDS"] = "2",
        };
        foreach (var (name, value) in Settings)
        {
            properties[name] = value;
        }

        foreach (var (name, value) in properties)
        {
            builder.Properties[name] = value;
        }

        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Simulator.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(ImageRoot))
        {
            Directory.Delete(ImageRoot, recursive: true);
        }
    }

    /// <summary>A new account with the default job types and, when given, its own limits.</summary>
    public async Task<string> NewAccountAsync(int? maxConcurrentJobs = null, int? jobsPerMinute = null)
    {
        var connections = new C360ReqDatabase(Microsoft.Extensions.Options.Options.Create(Database.Options));
        await using (connections)
        {
            var provisioner = new AccountProvisioner(connections, new JobTypeSeeder(connections, NullLogger<JobTypeSeeder>.Instance));
            var slug = "acct-" + Guid.NewGuid().ToString("N")[..8];
            var organizationId = await provisioner.EnsureOrganizationAsync("org-" + slug, "Org " + slug, CancellationToken.None);
            var accountId = await provisioner.EnsureAccountAsync(organizationId, slug, "Account " + slug, CancellationToken.None);
            if (maxConcurrentJobs is not null || jobsPerMinute is not null)
            {
                await Database.ExecuteAsync($"""
                    INSERT INTO ssnews_account_job_limits (account_id, max_concurrent_jobs, jobs_per_minute)
                    VALUES ('{accountId}', {maxConcurrentJobs?.ToString() ?? "NULL"}, {jobsPerMinute?.ToString() ?? "NULL"})
                    """);
            }

            return accountId;
        }
    }

    /// <summary>Deactivates every idle grain on every silo, as an idle pause would, so the next call activates them afresh.</summary>
    public Task CollectIdleGrainsAsync() =>
        Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    public IAccountGrain Account(string accountId) => Cluster.Client.GetGrain<IAccountGrain>(accountId);

    public IJobGrain Job(long jobId) => Cluster.Client.GetGrain<IJobGrain>(jobId);

    public async Task<long> SubmitAsync(string accountId, string jobType, string prompt, string? overridesJson = null, int priority = 0)
    {
        var result = await Account(accountId).SubmitAsync(new JobSubmission
        {
            JobTypeName = jobType,
            Prompt = prompt,
            OverridesJson = overridesJson,
            Priority = priority,
        });
        Assert.True(result.Outcome == SubmissionOutcome.Accepted, $"submission of '{prompt}' was {result.Outcome}: {result.Message} {string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
        return result.JobId!.Value;
    }

    /// <summary>Waits for an attempt of the job to own its row, and returns the silo running it.</summary>
    public async Task<string> WaitForAttemptAsync(long jobId) =>
        (await Eventually.Until(
            async () => (await Database.QueryAsync($"SELECT worker_id FROM ssnews_jobs WHERE job_id = {jobId} AND attempt_token IS NOT NULL")).FirstOrDefault()?["worker_id"],
            worker => worker is not null,
            TimeSpan.FromSeconds(30),
            $"an attempt of job {jobId} to be under way on some silo"))!;

    /// <summary>Waits for the job to reach <paramref name="status"/>; the message names the job and what it last was.</summary>
    public async Task<JobSnapshot> WaitForAsync(string accountId, long jobId, JobStatus status, TimeSpan? within = null)
    {
        var snapshot = await Eventually.Until(
            async () => (await Job(jobId).GetAsync(accountId))!,
            s => s.Status == status || (s.Status.IsTerminal() && s.Status != status),
            within ?? TimeSpan.FromSeconds(60),
            $"job {jobId} to be {status}",
            TimeSpan.FromMilliseconds(100));
        Assert.True(snapshot.Status == status, $"job {jobId} ended {snapshot.Status}, not {status}: {snapshot.ErrorMessage}");
        return snapshot;
    }
}
