using IdeogramJobs.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Ideogram.Tests.Infrastructure;

/// <summary>
/// The client as production wires it (AddIdeogramClient from IDEOGRAM_* configuration), with a
/// FakeTimeProvider driving every delay and timeout, and every log entry captured at Trace.
/// Defaults for tests: instant backoff (base delay 0) so retry counts need no clock.
/// </summary>
public sealed class IdeogramClientHarness : IAsyncDisposable
{
    public const string ApiKey = "ik_test_Sup3rS3cretKey_do_not_leak_42";

    private readonly ServiceProvider services;

    public IdeogramClientHarness(string baseUrl, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["IDEOGRAM_API_KEY"] = ApiKey,
            ["IDEOGRAM_BASE_URL"] = baseUrl,
            ["IDEOGRAM_RETRY_BASE_DELAY_SECONDS"] = "0",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddIdeogramClient(configuration);
        services = collection.BuildServiceProvider();
        Client = services.GetRequiredService<IIdeogramClient>();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public CapturingLoggerProvider Logs { get; } = new();

    public IIdeogramClient Client { get; }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();
}
