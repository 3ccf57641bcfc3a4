using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;

/// <summary>Keeps every log entry at every level, so tests can prove what was (and was not) logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => entries.ToArray();

    /// <summary>Everything logged, as one text.</summary>
    public string AllText => string.Join("\n", entries.Select(e => e.FullText));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, entries);

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
                category, logLevel, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value), exception?.ToString()));
        }
    }
}
