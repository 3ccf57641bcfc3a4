using System.Collections.Concurrent;
using System.Diagnostics;

namespace IdeogramJobs.Benchmarks.Peers;

/// <summary>
/// One Quartz.NET scheduler instance of the peer baseline, run as a process of its own: this benchmark's
/// executable started with <see cref="QuartzPeerHost.Argument"/>. It takes commands on standard input
/// (<see cref="QuartzPeerHost.SubmitCommand"/>) and says what it did on standard output; closing its
/// input shuts it down gracefully.
/// </summary>
public sealed class QuartzPeerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private QuartzPeerProcess(Process process)
    {
        this.process = process;
    }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the process printed, for a failure message.</summary>
    public string Output => string.Join(Environment.NewLine, output.TakeLast(60));

    public static QuartzPeerProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(QuartzPeerProcess).Assembly.Location);
        start.ArgumentList.Add(QuartzPeerHost.Argument);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var peer = new QuartzPeerProcess(process);
        process.OutputDataReceived += (_, e) => peer.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => peer.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>Waits until the process has printed a line starting with <paramref name="prefix"/>; fails at once if it exits.</summary>
    public async Task WaitForLineAsync(string prefix, TimeSpan within, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!output.Any(line => line.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Quartz peer exited with {process.ExitCode} before printing '{prefix}':{Environment.NewLine}{Output}");
            }

            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"Waited {within.TotalSeconds:0}s for the Quartz peer to print '{prefix}':{Environment.NewLine}{Output}");
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    public async Task SendAsync(string command)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            using var bound = new CancellationTokenSource(ExitBound);
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
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
}
