using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ChatBot.Hosting;

/// <summary>
/// The console log format of every front end: one line per entry (<c>level: category[event] message</c>, then the
/// exception), passed through <see cref="SecretRedactor"/>, so no secret reaches a log line, whatever wrote it.
/// </summary>
public sealed class RedactingConsoleFormatter(SecretRedactor redactor) : ConsoleFormatter(FormatterName)
{
    /// <summary>The formatter's name (ConsoleLoggerOptions.FormatterName).</summary>
    public const string FormatterName = "chatbot-redacting";

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null) return;
        var line = $"{Level(logEntry.LogLevel)}: {logEntry.Category}[{logEntry.EventId.Id}] {message}";
        if (logEntry.Exception is { } e) line += " " + e;
        textWriter.WriteLine(redactor.Redact(line));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}

/// <summary>Logging set-up shared by the CLI and the web host.</summary>
public static class RedactedLogging
{
    /// <summary>Console logging through <see cref="RedactingConsoleFormatter"/> only.</summary>
    public static ILoggingBuilder AddRedactedConsole(this ILoggingBuilder logging, IConfiguration configuration, bool toStandardError)
    {
        logging.ClearProviders();
        logging.Services.AddSingleton(SecretRedactor.FromConfiguration(configuration));
        logging.AddConsole(o =>
        {
            o.FormatterName = RedactingConsoleFormatter.FormatterName;
            if (toStandardError) o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        logging.AddConsoleFormatter<RedactingConsoleFormatter, ConsoleFormatterOptions>();
        return logging;
    }
}
