using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace IdeogramJobs.Contracts.Telemetry;

/// <summary>
/// The capacity gauges (meter "IdeogramJobs"): images in flight at Ideogram and images of jobs waiting for a place,
/// one series per capacity grain hosted in this process, tagged <c>key_identity</c> (<c>service</c> or
/// <c>org:{organizationId}</c>; never the key, its fingerprint or its last four). A grain's series leaves with the
/// grain, so only the silo hosting it reports it and sum() across silos is the cluster's figure per key.
/// </summary>
public sealed class ProviderCapacityGauges
{
    public const string KeyIdentityTag = "key_identity";

    private readonly ConcurrentDictionary<string, Figures> byKeyIdentity = new(StringComparer.Ordinal);

    public ProviderCapacityGauges(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(JobMetrics.MeterName);
        meter.CreateObservableGauge("ideogramjobs.provider.inflight_images", () => Measure(figures => figures.Inflight), "{image}",
            "Ideogram images in flight per key identity as its capacity grain counts them (reported by the silo hosting that grain only).");
        meter.CreateObservableGauge("ideogramjobs.provider.waiting_units", () => Measure(figures => figures.Waiting), "{image}",
            "Images of jobs waiting for a place on a key per key identity (reported by the silo hosting its capacity grain only).");
    }

    /// <summary>The current figures of the capacity grain of <paramref name="keyIdentity"/>.</summary>
    public void Observed(string keyIdentity, int inflight, int waiting) => byKeyIdentity[keyIdentity] = new Figures(inflight, waiting);

    /// <summary>The grain left this silo: its next activation reports from wherever it runs.</summary>
    public void Left(string keyIdentity) => byKeyIdentity.TryRemove(keyIdentity, out _);

    private IEnumerable<Measurement<int>> Measure(Func<Figures, int> figure) =>
        byKeyIdentity.Select(entry => new Measurement<int>(figure(entry.Value), new KeyValuePair<string, object?>(KeyIdentityTag, entry.Key)));

    private readonly record struct Figures(int Inflight, int Waiting);
}
