using System.Globalization;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>A process' resident set as Linux's /proc shows it.</summary>
public static class ResidentMemory
{
    /// <summary>VmRSS of the process, in bytes.</summary>
    public static long Of(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = line["VmRSS:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}
