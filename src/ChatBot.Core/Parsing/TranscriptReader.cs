using System.Text;
using ChatBot.Model;

namespace ChatBot.Parsing;

/// <summary>
/// Reads a file, refuses what is not a transcript (empty, binary, not UTF-8, unreadable, of no known format) with a
/// <see cref="TranscriptFormatException"/> naming the file, and hands the rest to the first parser that recognises
/// it. Immutable once built and safe to share between threads.
/// </summary>
public sealed class TranscriptReader
{
    /// <summary>
    /// Version of the parsers' output; part of the index signature, so documents stored by older parsers are
    /// parsed again on the next ingest even when their files did not change.
    /// </summary>
    public const int Version = 3;

    /// <summary>Files above this size are refused rather than read into memory.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly IReadOnlyList<ITranscriptParser> _parsers;

    /// <summary>Creates a reader that tries <paramref name="parsers"/> in order.</summary>
    public TranscriptReader(IEnumerable<ITranscriptParser> parsers) => _parsers = parsers.ToArray();

    /// <summary>The parsers tried, in order.</summary>
    public IReadOnlyList<ITranscriptParser> Parsers => _parsers;

    /// <summary>The three built-in formats: UN General Debate speeches, briefing Markdown, mid.ru text.</summary>
    public static TranscriptReader CreateDefault(ParsingLimits? limits = null) =>
        new([new UnGeneralDebateParser(limits), new BriefingMarkdownParser(limits), new MidRuTranscriptParser(limits)]);

    /// <summary>Reads and parses one file.</summary>
    /// <exception cref="TranscriptFormatException">The file cannot be read or is not a transcript.</exception>
    public TranscriptDocument Read(string path) => Parse(Load(path));

    /// <summary>Reads a file's bytes and decodes them, refusing empty, binary and non-UTF-8 files.</summary>
    public static SourceFile Load(string path)
    {
        var full = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(full);
            if (!info.Exists) throw new TranscriptFormatException(full, null, "the file does not exist");
            if (info.Length > MaxFileBytes) throw new TranscriptFormatException(full, null, $"the file is {info.Length:N0} bytes, over the {MaxFileBytes:N0}-byte limit");
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TranscriptFormatException(full, null, "the file cannot be read: " + e.Message, e);
        }

        if (bytes.Length == 0) throw new TranscriptFormatException(full, null, "the file is empty");
        int nul = bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).IndexOf((byte)0);
        if (nul >= 0) throw new TranscriptFormatException(full, null, $"the file is binary (a NUL byte at offset {nul}), not text");

        string text;
        try
        {
            text = s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            int line = e.Index >= 0 ? bytes.AsSpan(0, Math.Min(e.Index, bytes.Length)).Count((byte)'\n') + 1 : 1;
            throw new TranscriptFormatException(full, line, $"the file is not UTF-8 text (an invalid byte at offset {e.Index})", e);
        }

        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (string.IsNullOrWhiteSpace(text)) throw new TranscriptFormatException(full, null, "the file holds only white space");
        return new SourceFile(full, text, DocumentIds.ContentHash(bytes));
    }

    /// <summary>Parses a loaded file with the first parser that recognises it.</summary>
    public TranscriptDocument Parse(SourceFile file)
    {
        foreach (var parser in _parsers)
        {
            if (parser.CanParse(file)) return parser.Parse(file);
        }

        throw new TranscriptFormatException(file.Path, null,
            "not a recognised transcript: expected mid.ru text with 'Name: words' turns, Markdown with YAML front matter, or a UN speech ISO_SESSION_YEAR.txt with a speakers.csv");
    }
}
