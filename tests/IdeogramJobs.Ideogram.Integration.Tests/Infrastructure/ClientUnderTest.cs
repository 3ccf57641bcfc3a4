using System.Globalization;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Logging;
using IdeogramJobs.Testing.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;

/// <summary>
/// The real Ideogram client, wired as production wires it (<c>AddIdeogramClient</c> from IDEOGRAM_*
/// configuration) and pointed at a simulator, with every log entry captured. Short delays keep
/// retries fast; the circuit breaker needs far more calls than any test makes unless a test lowers
/// IDEOGRAM_CIRCUIT_MINIMUM_THROUGHPUT. One instance per test: the circuit's state lives in it.
/// </summary>
public sealed class ClientUnderTest : IAsyncDisposable
{
    public const int MaxRetries = 2;

    private readonly ServiceProvider services;

    public ClientUnderTest(Uri baseAddress, string apiKey, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        ApiKey = apiKey;
        var settings = new Dictionary<string, string?>
        {
            ["IDEOGRAM_API_KEY"] = apiKey,
            ["IDEOGRAM_BASE_URL"] = baseAddress.ToString(),
            ["IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS"] = "10",
            ["IDEOGRAM_MAX_RETRIES"] = MaxRetries.ToString(CultureInfo.InvariantCulture),
            ["IDEOGRAM_RETRY_BASE_DELAY_SECONDS"] = "0.01",
            ["IDEOGRAM_MAX_RETRY_DELAY_SECONDS"] = "5",
            ["IDEOGRAM_CIRCUIT_MINIMUM_THROUGHPUT"] = "1000",
            ["IDEOGRAM_CIRCUIT_SAMPLING_SECONDS"] = "30",
            ["IDEOGRAM_CIRCUIT_BREAK_SECONDS"] = "1",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        collection.AddIdeogramClient(configuration);
        services = collection.BuildServiceProvider();
        Client = services.GetRequiredService<IIdeogramClient>();
    }

    public string ApiKey { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public IIdeogramClient Client { get; }

    public Task<IdeogramGeneration> GenerateAsync(string prompt, JobSettings settings) =>
        Eventually.CompletesAsync(
            Client.GenerateAsync(new IdeogramGenerateRequest(prompt, settings), CancellationToken.None), $"the generation of '{prompt}'", SimulatorFixture.CallLimit);

    /// <summary>
    /// Generates, expecting an <see cref="IdeogramException"/> that is not a settings refusal; every failure is also
    /// checked to keep the key out of its message and details.
    /// </summary>
    public async Task<IdeogramException> GenerateExpectingFailureAsync(string prompt, JobSettings settings)
    {
        var generation = Client.GenerateAsync(new IdeogramGenerateRequest(prompt, settings), CancellationToken.None);
        try
        {
            await Eventually.CompletesAsync(generation, $"the failure of '{prompt}'", SimulatorFixture.CallLimit);
        }
        catch (IdeogramException failure)
        {
            Assert.IsNotType<IdeogramSettingsException>(failure);
            Assert.DoesNotContain(ApiKey, failure.ToString(), StringComparison.Ordinal);
            return failure;
        }

        Assert.Fail($"Expected the failure of '{prompt}', but the call succeeded.");
        return null!;
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();
}
