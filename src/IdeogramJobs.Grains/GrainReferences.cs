using System.Collections.Concurrent;

namespace IdeogramJobs.Grains;

/// <summary>
/// References to grains on a job's path. Orleans' GetGrain finds a grain interface's type by reflection, and
/// formats its name, on every call: a few percent of the silo's CPU in a profile. Here each interface is
/// resolved once, by GetGrain itself, and later references reuse what it found.
/// </summary>
public sealed class GrainReferences(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> resolved = new();

    public TGrain Get<TGrain>(long key) where TGrain : IGrainWithIntegerKey =>
        Get(GrainIdKeyExtensions.CreateIntegerKey(key), () => grains.GetGrain<TGrain>(key));

    public TGrain Get<TGrain>(string key) where TGrain : IGrainWithStringKey =>
        Get(IdSpan.Create(key), () => grains.GetGrain<TGrain>(key));

    private TGrain Get<TGrain>(IdSpan key, Func<TGrain> resolve)
    {
        if (resolved.TryGetValue(typeof(TGrain), out var types))
        {
            return (TGrain)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
        }

        var reference = resolve();
        var found = (GrainReference)(object)reference!;
        resolved.TryAdd(typeof(TGrain), (found.GrainId.Type, found.InterfaceType));
        return reference;
    }
}
