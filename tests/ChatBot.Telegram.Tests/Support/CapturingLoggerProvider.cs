using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatBot.Telegram.Tests.Support;

/// <summary>Captures every log entry at every level, with its exception, for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Everything written: category, message, state values, exception with stack.</summary>
    public string AllText() => string.Join("\n", Entries.Select(e => e.ToString()));

    internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, string State, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}[{EventId.Id}] {Message} | {State} | {Exception}";
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            provider.Entries.Enqueue(new LogEntry(category, LogLevel.None, default, "scope", state.ToString() ?? "", null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : state?.ToString() ?? "";
            provider.Entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}
