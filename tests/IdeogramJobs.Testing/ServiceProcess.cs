using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace IdeogramJobs.Testing;

/// <summary>
/// One of the project's executables (silo, API, simulator) run as a real process from its build
/// output, with the environment a test gives it; its output is kept for assertions and failure messages.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ServiceProcess(Process process)
    {
        this.process = process;
    }

    public string Output => string.Join(Environment.NewLine, output);

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public int ProcessId => process.Id;

    /// <summary>Starts <c>dotnet &lt;project&gt;.dll args</c> for a project of the repository (e.g. "silo/IdeogramJobs.Silo").</summary>
    public static ServiceProcess Start(string project, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Start([], project, environment, args);

    /// <summary>
    /// As <see cref="Start(string, IReadOnlyDictionary{string, string?}, string[])"/>, inside the network
    /// namespace <paramref name="networkNamespace"/> (<c>ip netns exec</c>, which execs dotnet in place, so
    /// the process id is dotnet's own).
    /// </summary>
    public static ServiceProcess StartInNetworkNamespace(string networkNamespace, string project, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Start(["ip", "netns", "exec", networkNamespace], project, environment, args);

    private static ServiceProcess Start(IReadOnlyList<string> launcher, string project, IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        var dll = RepositoryPaths.BuildOutput(project);
        string[] command = [.. launcher, "dotnet", dll, .. args];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var part in command.Skip(1))
        {
            start.ArgumentList.Add(part);
        }

        // The child sees only what the test decides, not the developer's own service settings.
        foreach (var name in new[] { "DATABASE_URL", "C360REQ_DATABASE_URL", "IDEOGRAM_API_KEY", "SIRV_CLIENT_ID", "SIRV_CLIENT_SECRET", "ADMIN_API_KEY", "ORLEANS_DASHBOARD" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["LOG_FORMAT"] = "text";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    public async Task<int> WaitForExitAsync(TimeSpan within, string awaited)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Waited {within.TotalSeconds:0}s for {awaited}; output so far:{Environment.NewLine}{Output}");
        }
    }

    /// <summary>Asks the process to stop as an operator's SIGTERM would, and waits for it to end.</summary>
    public async Task StopAsync(TimeSpan within)
    {
        if (process.HasExited)
        {
            return;
        }

        _ = Kill(process.Id, Signal.Terminate);
        await WaitForExitAsync(within, "the process to stop after SIGTERM");
    }

    /// <summary>Ends the process at once with SIGKILL, as a crashed machine would: no shutdown runs.</summary>
    public async Task KillAsync(TimeSpan within)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync(within, "the process to end after SIGKILL");
    }

    /// <summary>Sends SIGKILL to the process and its children without waiting, for a signal handler on the way out.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 2000 && output.TryDequeue(out _))
        {
        }
    }

    private enum Signal
    {
        Terminate = 15,
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, Signal signal);
}
