using IdeogramJobs.Ideogram.Simulator.Options;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;

/// <summary>
/// A simulator that accepts only <see cref="AllowedKey"/> (SIMULATOR_API_KEYS, settable at start
/// only), so any other key is refused with 401 as Ideogram refuses a wrong key.
/// </summary>
public sealed class KeyAllowListSimulatorFixture : SimulatorFixture
{
    public string AllowedKey { get; } = TestApiKeys.New();

    protected override void Configure(SimulatorOptions options) => options.ApiKeys = AllowedKey;
}
