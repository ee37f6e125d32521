namespace ChatBot.Parsing;

/// <summary>A file that cannot be ingested as a transcript: says which file, where, and why.</summary>
public sealed class TranscriptFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TranscriptFormatException(string path, int? line, string reason, Exception? inner = null)
        : base(line is int l ? $"{path}:{l}: {reason}" : $"{path}: {reason}", inner)
    {
        Path = path;
        Line = line;
        Reason = reason;
    }

    /// <summary>The offending file.</summary>
    public string Path { get; }

    /// <summary>1-based line of the problem, when it has one.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Reason { get; }
}
