using Microsoft.Extensions.Options;

namespace IdeogramJobs.Ideogram.Simulator.Options;

/// <summary>
/// The settings in force, starting from the validated <see cref="SimulatorOptions"/> and replaced
/// whole by <c>PUT /_simulator/config</c>. <see cref="ChangeToken"/> is cancelled on every change so
/// that requests waiting out a latency or a hang re-evaluate it at once.
/// </summary>
public sealed class SimulatorSettingsStore(IOptions<SimulatorOptions> options)
{
    private readonly Lock gate = new();
    private SimulatorOptions current = options.Value with { };
    private CancellationTokenSource changed = new();

    public SimulatorOptions Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    /// <summary>Cancelled when the settings next change; read it before reading <see cref="Current"/>.</summary>
    public CancellationToken ChangeToken
    {
        get
        {
            lock (gate)
            {
                return changed.Token;
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
        lock (gate)
        {
            current = candidate with { };
            previous = changed;
            changed = new CancellationTokenSource();
        }
        // Not disposed: waiters may still hold its token, and a timer-less source needs no disposal.
        previous.Cancel();
        return failures;
    }
}
