using System.Diagnostics;
using System.Globalization;

namespace IdeogramJobs.Benchmarks.Load;

/// <summary>
/// Puts processes on chosen cores with <c>taskset -a</c> (every thread: .NET's own ProcessorAffinity moves only
/// the main thread, and the thread pool's workers already run). Lets a latency figure be taken with the load
/// generator on a core of its own, so the service's tail is not the generator waiting for a core.
/// </summary>
public static class CorePinning
{
    /// <summary>Whether there are cores to split and taskset to split them with.</summary>
    public static bool Possible => Environment.ProcessorCount >= 2 && File.Exists("/usr/bin/taskset");

    /// <summary>Pins every thread of each process to <paramref name="cores"/> (taskset's list, e.g. "0" or "0-1"); the reason when it could not.</summary>
    public static async Task<string?> PinAsync(IEnumerable<int> processIds, string cores, CancellationToken cancellationToken)
    {
        foreach (var processId in processIds)
        {
            var start = new ProcessStartInfo("/usr/bin/taskset") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-a", "-p", "-c", cores, processId.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            using var taskset = Process.Start(start)!;
            var error = taskset.StandardError.ReadToEndAsync(cancellationToken);
            await taskset.StandardOutput.ReadToEndAsync(cancellationToken);
            await taskset.WaitForExitAsync(cancellationToken);
            if (taskset.ExitCode != 0)
            {
                return $"taskset -a -p -c {cores} {processId} exited with {taskset.ExitCode}: {(await error).Trim()}";
            }
        }

        return null;
    }
}
