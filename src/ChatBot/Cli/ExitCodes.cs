namespace ChatBot.Cli;

/// <summary>The program's exit codes (README, "Errors and exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Ingest wrote nothing: every file was skipped.</summary>
    public const int NothingIngested = 1;

    /// <summary>A bad argument or configuration value (the message names the setting).</summary>
    public const int Usage = 2;

    /// <summary>The store is unusable: damaged, lost, of another schema, or unreachable.</summary>
    public const int Store = 3;

    /// <summary>A file or folder cannot be read or written (read-only file system, a file where a folder should be).</summary>
    public const int Io = 4;

    /// <summary>An unexpected failure (a bug): the message says what, without a stack trace.</summary>
    public const int Internal = 70;

    /// <summary>Stopped by Ctrl+C.</summary>
    public const int Cancelled = 130;

    /// <summary>The one-line message and exit code for an error that reached the top of the program.</summary>
    public static (int Code, string Message) For(Exception e) => e switch
    {
        ChatBot.Storage.StoreException => (Store, e.Message),
        Microsoft.Extensions.Options.OptionsValidationException o => (Usage, "configuration: " + string.Join("; ", o.Failures)),
        ChatBot.Hosting.EncoderUnavailableException => (Usage, e.Message),
        ArgumentException or FormatException => (Usage, e.Message),
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException => (Io, e.Message),
        OperationCanceledException => (Cancelled, "cancelled"),
        AggregateException a when a.InnerExceptions.All(x => x is Microsoft.Extensions.Options.OptionsValidationException) =>
            (Usage, "configuration: " + string.Join("; ", a.InnerExceptions.Cast<Microsoft.Extensions.Options.OptionsValidationException>().SelectMany(o => o.Failures))),
        AggregateException { InnerExceptions.Count: 1 } a => For(a.InnerExceptions[0]),
        InvalidOperationException { InnerException: { } inner } when inner is not InvalidOperationException => For(inner),
        _ => (Internal, $"{e.GetType().Name}: {e.Message}"),
    };
}
