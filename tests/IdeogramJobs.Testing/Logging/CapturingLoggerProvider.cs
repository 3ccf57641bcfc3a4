using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Testing.Logging;

/// <summary>Keeps every log entry at every level, so tests can prove what was (and was not) logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<CapturedLogEntry> entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => entries.ToArray();

    /// <summary>Everything logged, as one text, for "never contains" assertions.</summary>
    public string AllText => string.Join("\n", entries.Select(e => e.FullText));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, entries);

    /// <summary>The first entry that matches, waiting for it at most 15 s; the timeout names what was awaited.</summary>
    public async Task<CapturedLogEntry> WaitForAsync(Func<CapturedLogEntry, bool> predicate, string awaited)
    {
        using var timeout = new CancellationTokenSource(WaitBound);
        while (true)
        {
            if (entries.FirstOrDefault(predicate) is { } entry)
            {
                return entry;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"Waited {WaitBound.TotalSeconds} s for a log entry: {awaited}. Logged so far:\n{AllText}"));
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToList() : [];
            entries.Enqueue(new CapturedLogEntry(category, logLevel, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
