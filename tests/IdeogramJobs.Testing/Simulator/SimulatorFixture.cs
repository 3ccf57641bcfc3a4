using IdeogramJobs.Ideogram.Simulator.Options;
using Xunit;

namespace IdeogramJobs.Testing.Simulator;

/// <summary>
/// One simulator per test class (an xunit class fixture). Tests that change settings call
/// <see cref="SimulatorHost.RestoreBaselineAsync"/> first, so nothing an earlier test of the class set leaks into the next.
/// </summary>
public class SimulatorFixture : IAsyncLifetime
{
    /// <summary>Far beyond any call to a simulator without latency, so only a stuck call reaches it.</summary>
    public static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(20);

    private SimulatorHost? host;

    public SimulatorHost Host => host ?? throw new InvalidOperationException("The simulator has not started.");

    public async Task InitializeAsync() => host = await SimulatorHost.StartAsync(
        options =>
        {
            // Explicit, so SIMULATOR_* variables in the environment cannot change what is tested.
            options.ListenBeyondLoopback = false;
            options.ApiKeys = "";
            options.ImageScale = 1;
            options.SafetyMarker = SimulatorHost.SafetyMarker;
            Configure(options);
        },
        clientTimeout: CallLimit);

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Start-only settings (those <c>PUT /_simulator/config</c> cannot change), for derived fixtures.</summary>
    protected virtual void Configure(SimulatorOptions options)
    {
    }
}
