using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>
/// A MariaDB server of one scenario's own (scripts/mariadb.sh with its own MARIADB_HOME under the temp
/// folder and a free port), so the scenario may stop and start it without touching the shared server
/// every other test and scenario uses. Its data folder is deleted at the end.
/// </summary>
public sealed class PrivateMariaDb : IAsyncDisposable
{
    private static readonly TimeSpan CommandBound = TimeSpan.FromSeconds(120);

    private readonly string home = Path.Combine(Path.GetTempPath(), "ij-mariadb-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly int port = FreePort.Next();

    /// <summary>A mysql:// URL of the server (its c360req database), as DATABASE_URL takes it.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>The server's process (its pid file), for the CPU it uses.</summary>
    public int ProcessId => int.Parse(File.ReadAllText(Path.Combine(home, "mariadb.pid")).Trim(), CultureInfo.InvariantCulture);

    public static async Task<PrivateMariaDb> StartAsync(CancellationToken cancellationToken)
    {
        var server = new PrivateMariaDb();
        try
        {
            await server.RunAsync("start", cancellationToken);
            server.Url = (await server.RunAsync("url", cancellationToken)).Trim();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A real shutdown (mariadb-admin shutdown): connections are closed and the port refuses new ones.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => RunAsync("stop", cancellationToken);

    /// <summary>Starts the stopped server again on the same data and port; returns once it answers.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken) => RunAsync("start", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("stop", CancellationToken.None);
        }
        finally
        {
            if (Directory.Exists(home))
            {
                Directory.Delete(home, recursive: true);
            }
        }
    }

    private async Task<string> RunAsync(string command, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "scripts", "mariadb.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(command);
        // Without DATABASE_URL the script manages its own server rather than deferring to the caller's database.
        start.Environment.Remove("DATABASE_URL");
        start.Environment["MARIADB_HOME"] = home;
        start.Environment["MARIADB_PORT"] = port.ToString(CultureInfo.InvariantCulture);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(CommandBound);
        await process.WaitForExitAsync(bound.Token);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"scripts/mariadb.sh {command} exited with {process.ExitCode}: {await errors}");
    }
}
