using Microsoft.Extensions.Options;

namespace IdeogramJobs.Ideogram.Simulator.Options;

/// <summary>
/// The settings in force, starting from the validated <see cref="SimulatorOptions"/> and replaced
/// whole by <c>PUT /_simulator/config</c>. <see cref="ChangeToken"/> is cancelled on every change so
/// that requests waiting out a latency or a hang re-evaluate it at once.
/// </summary>
public sealed class SimulatorSettingsStore
{
    private readonly Lock _gate = new();
    private SimulatorOptions _current;
    private CancellationTokenSource _changed = new();

    public SimulatorSettingsStore(IOptions<SimulatorOptions> options)
    {
        _current = options.Value with { };
    }

    public SimulatorOptions Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Cancelled when the settings next change; read it before reading <see cref="Current"/>.</summary>
    public CancellationToken ChangeToken
    {
        get
        {
            lock (_gate)
            {
                return _changed.Token;
            }
        }
    }

    /// <summary>Replaces the settings when <paramref name="candidate"/> is valid; otherwise returns the failures.</summary>
    public IReadOnlyList<string> TryReplace(SimulatorOptions candidate)
    {
        var failures = SimulatorOptionsValidator.Check(candidate);
        if (failures.Count > 0)
        {
            return failures;
        }
        CancellationTokenSource previous;
        lock (_gate)
        {
            _current = candidate with { };
            previous = _changed;
            _changed = new CancellationTokenSource();
        }
        // Not disposed: waiters may still hold its token, and a timer-less source needs no disposal.
        previous.Cancel();
        return failures;
    }
}
