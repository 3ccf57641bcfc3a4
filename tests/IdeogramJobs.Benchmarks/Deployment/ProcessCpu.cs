using System.Globalization;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>CPU time processes of this machine have used, as Linux's /proc shows it.</summary>
public static class ProcessCpu
{
    /// <summary>Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every platform .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU time of the process so far, in seconds.</summary>
    public static double SecondsOf(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");

        // "pid (name) state ppid ...": the name may hold spaces, so count the fields after its ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>
    /// CPU time every process of the machine has used so far (all cores, idle and I/O wait left out), in seconds:
    /// what else ran beside the measured processes on a shared machine.
    /// </summary>
    public static double MachineBusySeconds()
    {
        // "cpu  user nice system idle iowait irq softirq steal ...", in clock ticks summed over the cores.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        return (fields.Take(8).Sum() - fields[3] - fields[4]) / TicksPerSecond;
    }

    /// <summary>The MariaDB server of this machine, if one runs here (the benchmark may use a remote one).</summary>
    public static int? MariaDbServer()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
                    && File.ReadAllText(Path.Combine(directory, "comm")).Trim() is "mariadbd" or "mysqld")
                {
                    return processId;
                }
            }
            catch (IOException)
            {
                // Not a process, or it ended while being read.
            }
        }

        return null;
    }
}
