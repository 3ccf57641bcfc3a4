using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests;

/// <summary>Silo and API processes on a database of the test's own, on free loopback ports.</summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly List<ServiceProcess> processes = [];

    private RunningService(TestDatabase database)
    {
        Database = database;
        ApiPort = FreePort.Next();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ApiPort}"), Timeout = TimeSpan.FromSeconds(15) };
    }

    public TestDatabase Database { get; }

    public int ApiPort { get; }

    public HttpClient Http { get; }

    public string Output => string.Join(Environment.NewLine + "----" + Environment.NewLine, processes.Select(p => p.Output));

    public static async Task<RunningService> CreateAsync()
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        await database.MigrateAsync();
        return new RunningService(database);
    }

    public ServiceProcess StartSilo()
    {
        var silo = ServiceProcess.Start("silo/IdeogramJobs.Silo", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = Database.Url,
            ["SILO_PORT"] = FreePort.Next().ToString(),
            ["GATEWAY_PORT"] = FreePort.Next().ToString(),
            ["ORLEANS_CLUSTER_ID"] = Database.Name,
            ["ORLEANS_SERVICE_ID"] = Database.Name,
            // Nothing here generates images; the silo only needs a well-formed Ideogram setting.
            ["IDEOGRAM_API_KEY"] = "not-used-by-these-tests",
            ["IDEOGRAM_BASE_URL"] = "http://127.0.0.1:9",
        });
        processes.Add(silo);
        return silo;
    }

    public ServiceProcess StartApi(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = Database.Url,
            ["API_PORT"] = ApiPort.ToString(),
            ["ORLEANS_CLUSTER_ID"] = Database.Name,
            ["ORLEANS_SERVICE_ID"] = Database.Name,
            // Required by the API; these tests use no key.
            ["ADMIN_API_KEY"] = "ijk_running_service_" + Guid.NewGuid().ToString("N"),
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        var api = ServiceProcess.Start("api/IdeogramJobs.Api", environment);
        processes.Add(api);
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
