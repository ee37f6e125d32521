namespace ChatBot.Parsing;

/// <summary>A transcript file read into memory: decoded text and the hash of its bytes.</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Text">The decoded UTF-8 text, byte-order mark removed.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record SourceFile(string Path, string Text, string ContentHash)
{
    /// <summary>The file name with its extension.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>1-based line number of a character offset in <see cref="Text"/>.</summary>
    public int LineAt(int offset)
    {
        int line = 1;
        var span = Text.AsSpan(0, Math.Clamp(offset, 0, Text.Length));
        foreach (var c in span) if (c == '\n') line++;
        return line;
    }
}
