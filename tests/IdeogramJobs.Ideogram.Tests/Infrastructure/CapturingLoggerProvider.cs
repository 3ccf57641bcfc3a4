using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Ideogram.Tests.Infrastructure;

/// <summary>Keeps every log entry (all levels): formatted message, structured values and exception text.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(15);
    private readonly ConcurrentQueue<CapturedLogEntry> entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => entries.ToArray();

    /// <summary>Everything logged, as one text, for "never contains" assertions.</summary>
    public string AllText => string.Join("\n", entries.Select(e => e.FullText));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, entries);

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
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new CapturedLogEntry(
                category, logLevel, formatter(state, exception),
                values.ToDictionary(v => v.Key, v => v.Value),
                exception?.ToString()));
        }
    }
}
