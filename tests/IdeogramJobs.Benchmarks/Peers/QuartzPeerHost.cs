using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using Quartz;

namespace IdeogramJobs.Benchmarks.Peers;

/// <summary>
/// A Quartz.NET scheduler instance of the peer baseline, as the process <see cref="QuartzPeerProcess"/>
/// starts: clustered on the ADO.NET job store (MySQL delegate, MySqlConnector), which creates Quartz's
/// tables in its own database when they are missing (the schema embedded in Quartz.dll); a thread pool of
/// the benchmark's concurrency; otherwise Quartz's defaults, which on a persistent store already acquire
/// triggers in batches of the pool's size and fire one-off triggers without the cluster lock. A
/// <see cref="SubmitCommand"/> line on standard input submits jobs as our API does for a client: the
/// c360req job and settings rows, then the Quartz job with a trigger firing now; every account submits
/// its jobs one after another, the accounts at once. End of input stops the scheduler, letting running jobs end.
/// </summary>
public static class QuartzPeerHost
{
    /// <summary>The argument that makes the benchmark's executable run as a peer instance.</summary>
    public const string Argument = "--quartz-peer";

    public const string ReadyLine = "[quartz-peer] ready";

    /// <summary>"submit N label": N jobs per account, prompts starting with label.</summary>
    public const string SubmitCommand = "submit";

    /// <summary>Every instance has this scheduler name: that is what makes them one cluster.</summary>
    private const string SchedulerName = "ij-bench-quartz-peer";

    private const string JobGroup = "generation";

    public static async Task<int> RunAsync()
    {
        var settings = QuartzPeerSettings.FromEnvironment();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var rows = new PeerJobRows(settings.JobsConnectionString);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency })
        {
            BaseAddress = new Uri(settings.SimulatorUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        builder.Services.AddSingleton(rows);
        builder.Services.AddSingleton(new PeerIdeogramCalls(http, QuartzPeerSettings.ApiKey));
        builder.Services.AddSingleton(new PeerImageFiles(settings.ImageRoot, settings.PublicBaseUrl));
        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;
                scheduler.InstanceId = settings.InstanceName;
            });
            quartz.UseDefaultThreadPool(settings.Concurrency);
            quartz.UsePersistentStore(store =>
            {
                store.UseMySqlConnector(MySqlConnectorFactory.Instance, settings.QuartzConnectionString);
                store.UseClustering();
                store.ProvisionSchema();
            });
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

        using var host = builder.Build();
        await host.StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Console.WriteLine(ReadyLine);

        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', 3);
            if (parts is [SubmitCommand, var count, var label])
            {
                var submitted = await SubmitAsync(scheduler, rows, settings.Accounts, int.Parse(count, CultureInfo.InvariantCulture), label);
                Console.WriteLine($"[quartz-peer] submitted {submitted} jobs");
            }
        }

        await host.StopAsync();
        return 0;
    }

    private static async Task<int> SubmitAsync(IScheduler scheduler, PeerJobRows rows, IReadOnlyList<PeerAccount> accounts, int jobsPerAccount, string label)
    {
        await Task.WhenAll(accounts.Select(async (account, a) =>
        {
            for (var j = 0; j < jobsPerAccount; j++)
            {
                var prompt = $"{label} {a.ToString(CultureInfo.InvariantCulture)}-{j.ToString(CultureInfo.InvariantCulture)}";
                var jobId = await rows.InsertJobAsync(account.AccountId, account.ConfigId, prompt, CancellationToken.None);
                var key = "job-" + jobId.ToString(CultureInfo.InvariantCulture);
                var job = JobBuilder.Create<QuartzGenerationJob>()
                    .WithIdentity(key, JobGroup)
                    .UsingJobData(QuartzGenerationJob.JobIdKey, jobId)
                    .UsingJobData(QuartzGenerationJob.AccountIdKey, account.AccountId)
                    .UsingJobData(QuartzGenerationJob.PromptKey, prompt)
                    // Our jobs survive a silo's death; this asks Quartz to run the job again if its instance dies.
                    .RequestRecovery()
                    .Build();
                var trigger = TriggerBuilder.Create().WithIdentity(key, JobGroup).StartNow().Build();
                await scheduler.ScheduleJob(job, trigger);
            }
        }));
        return accounts.Count * jobsPerAccount;
    }
}
