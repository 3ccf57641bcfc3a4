using System.Diagnostics.Metrics;
using IdeogramJobs.Cluster.Tests.Infrastructure;
using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace IdeogramJobs.Cluster.Tests.Jobs;

/// <summary>
/// The capacity gauges as a metrics exporter reads them. The silos run in this process, so one listener sees both
/// silos' meters; a series is summed over silos as a dashboard would. Other test classes' clusters run in this
/// process too, so only meters made by this cluster's silos (their meter factories are the meters' scope) are read.
/// </summary>
public sealed class CapacityGaugesTests(JobEngineFixture fixture) : IClassFixture<JobEngineFixture>
{
    private const string Inflight = "ideogramjobs.provider.inflight_images";
    private const string Waiting = "ideogramjobs.provider.waiting_units";
    private const string AccountId = "capacity-gauges-account";

    [Fact]
    public async Task Each_keys_capacity_grain_reports_its_own_images_in_flight_and_waiting_tagged_with_its_key_identity_only()
    {
        var organisation = ProviderKeyIdentity.ForOrganisation(Guid.NewGuid().ToString());
        var service = fixture.Cluster.Client.GetGrain<IIdeogramCapacityGrain>(ProviderKeyIdentity.Service);
        var ofOrganisation = fixture.Cluster.Client.GetGrain<IIdeogramCapacityGrain>(organisation);

        Assert.True(await service.RequestAsync(1, AccountId, 3, null), "the service key granting 3 of its 10 images");
        Assert.True(await ofOrganisation.RequestAsync(2, AccountId, 2, null), "the organisation's key granting 2 of its 10 images");
        Assert.False(await ofOrganisation.RequestAsync(3, AccountId, 9, null), "the organisation's key making 9 images wait beside its 2 in flight");

        var both = Read(SiloMeterScopes());
        Assert.Equal(3, both.Figure(Inflight, ProviderKeyIdentity.Service));
        Assert.Equal(0, both.Figure(Waiting, ProviderKeyIdentity.Service));
        Assert.Equal(2, both.Figure(Inflight, organisation));
        Assert.Equal(9, both.Figure(Waiting, organisation));
        Assert.All(both.TagNames, names => Assert.Equal([ProviderCapacityGauges.KeyIdentityTag], names));

        await service.ReleaseAsync(1, null);
        var afterRelease = Read(SiloMeterScopes());
        Assert.Equal(0, afterRelease.Figure(Inflight, ProviderKeyIdentity.Service));
        Assert.Equal(2, afterRelease.Figure(Inflight, organisation));
        Assert.Equal(9, afterRelease.Figure(Waiting, organisation));

        await ofOrganisation.ForgetAsync(3, null);
        await ofOrganisation.ReleaseAsync(2, null);
        var released = Read(SiloMeterScopes());
        Assert.Equal(0, released.Figure(Inflight, organisation));
        Assert.Equal(0, released.Figure(Waiting, organisation));
    }

    private IReadOnlyList<object> SiloMeterScopes() =>
        [.. fixture.Cluster.Silos.Cast<InProcessSiloHandle>().Select(silo => (object)silo.SiloHost.Services.GetRequiredService<IMeterFactory>())];

    /// <summary>One collection of both gauges of the given silos, as an exporter's scrape makes it.</summary>
    private static GaugeReading Read(IReadOnlyList<object> siloMeterScopes)
    {
        var reading = new GaugeReading();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, subscriber) =>
        {
            if (instrument.Meter.Name == JobMetrics.MeterName && instrument.Name is Inflight or Waiting && siloMeterScopes.Contains(instrument.Meter.Scope))
            {
                subscriber.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => reading.Add(instrument.Name, value, tags));
        listener.Start();
        listener.RecordObservableInstruments();
        return reading;
    }

    private sealed class GaugeReading
    {
        private readonly Dictionary<(string Gauge, string KeyIdentity), int> figures = [];

        public List<string[]> TagNames { get; } = [];

        public void Add(string gauge, int value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var names = new string[tags.Length];
            string? keyIdentity = null;
            for (var i = 0; i < tags.Length; i++)
            {
                names[i] = tags[i].Key;
                if (tags[i].Key == ProviderCapacityGauges.KeyIdentityTag)
                {
                    keyIdentity = tags[i].Value as string;
                }
            }

            TagNames.Add(names);
            var series = (gauge, keyIdentity ?? "");
            figures[series] = figures.GetValueOrDefault(series) + value;
        }

        /// <summary>The series' value summed over silos; a series no silo reports fails the test.</summary>
        public int Figure(string gauge, string keyIdentity) =>
            figures.TryGetValue((gauge, keyIdentity), out var value)
                ? value
                : throw new Xunit.Sdk.XunitException($"no silo reported {gauge} for {keyIdentity}; reported: {string.Join(", ", figures.Keys)}");
    }
}
