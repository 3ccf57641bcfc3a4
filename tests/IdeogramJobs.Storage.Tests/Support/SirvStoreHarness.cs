using IdeogramJobs.Storage.Sirv;
using IdeogramJobs.Testing.Logging;
using IdeogramJobs.Testing.Sirv;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Storage.Tests.Support;

/// <summary>
/// The Sirv test host plus the storage library wired exactly as production wires it
/// (AddImageStorage from environment-style configuration), on a fake clock shared by both.
/// </summary>
public sealed class SirvStoreHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private SirvStoreHarness(SirvTestHost host, FakeTimeProvider time, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Host = host;
        Time = time;
        Services = services;
        Logs = logs;
    }

    public SirvTestHost Host { get; }

    public FakeTimeProvider Time { get; }

    public ServiceProvider Services { get; }

    public CapturingLoggerProvider Logs { get; }

    public IImageStore Store => Services.GetRequiredService<IImageStore>();

    public SirvRateLimitGate Gate => Services.GetRequiredService<SirvRateLimitGate>();

    /// <param name="settings">Overrides or additions to the SIRV_* variables (a null value removes one).</param>
    /// <param name="rateLimitWindow">The host's rate-limit window; Sirv's hour when not given.</param>
    public static async Task<SirvStoreHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeSpan? rateLimitWindow = null)
    {
        var time = new FakeTimeProvider(Start);
        var host = await SirvTestHost.StartAsync(time, rateLimitWindow);
        var variables = new Dictionary<string, string?>
        {
            [SirvOptions.ClientIdVariable] = SirvTestHost.ClientId,
            [SirvOptions.ClientSecretVariable] = SirvTestHost.ClientSecret,
            [SirvOptions.PublicUrlVariable] = host.PublicBaseUrl,
            [SirvOptions.ApiBaseUrlVariable] = host.BaseAddress.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(variables).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddSingleton<TimeProvider>(time)
            .AddImageStorage(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new SirvStoreHarness(host, time, services, logs);
    }

    public static ImageToStore Image(byte[] content, string contentType = "image/png", long jobId = 42, int index = 0, string accountId = "acct-1") =>
        new(accountId, jobId, index, content, contentType);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Host.DisposeAsync();
    }
}
