using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Model;
using ChatBot.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Parsing;

/// <summary>
/// Markdown transcripts with YAML front matter (<c>title</c>, <c>date</c>, <c>source_url</c> or <c>url</c>,
/// optional <c>place</c>) and labelled turns: "Q", "MS. PSAKI:", "MODERATOR:". A short line such as
/// "James S. Brady Press Briefing Room" before the first turn is taken as the place; times and end markers are
/// dropped. Thread-safe.
/// </summary>
public sealed partial class BriefingMarkdownParser : ITranscriptParser
{
    private readonly ParsingLimits _limits;

    /// <summary>Creates the parser with the given limits (defaults when null).</summary>
    public BriefingMarkdownParser(ParsingLimits? limits = null) => _limits = limits ?? new ParsingLimits();

    /// <inheritdoc />
    public string Format => "briefing-markdown";

    [GeneratedRegex(@"^\d{1,2}:\d{2}(?:[ \u00A0]*[AaPp]\.?[Mm]\.?)?(?:[ \u00A0]+[A-Z]{2,4})?$")]
    private static partial Regex TimeLineRegex();

    /// <inheritdoc />
    public bool CanParse(SourceFile file)
    {
        var ext = Path.GetExtension(file.Path);
        return (ext.Equals(".md", StringComparison.OrdinalIgnoreCase) || ext.Equals(".markdown", StringComparison.OrdinalIgnoreCase))
               && FrontMatterStart(file.Text) >= 0;
    }

    /// <inheritdoc />
    public TranscriptDocument Parse(SourceFile file)
    {
        var text = file.Text;
        int open = FrontMatterStart(text);
        if (open < 0) throw new TranscriptFormatException(file.Path, 1, "expected YAML front matter opened by a '---' line");
        var close = Regex.Match(text[open..], @"^---[ \t]*\r?$", RegexOptions.Multiline);
        if (!close.Success) throw new TranscriptFormatException(file.Path, 1, "the front matter opened at line 1 is never closed by a '---' line");
        int yamlEnd = open + close.Index;
        int bodyStart = open + close.Index + close.Length;
        if (bodyStart < text.Length && text[bodyStart] == '\n') bodyStart++;

        var meta = ReadFrontMatter(file, text[open..yamlEnd]);
        var title = Whitespace.Collapse(meta.GetValueOrDefault("title") ?? "");
        if (title.Length == 0) throw new TranscriptFormatException(file.Path, 1, "the front matter has no title");
        DateOnly? date = null;
        if (meta.GetValueOrDefault("date") is { } rawDate)
        {
            if (!DateOnly.TryParse(rawDate.Length >= 10 ? rawDate[..10] : rawDate, CultureInfo.InvariantCulture, out var d))
                throw new TranscriptFormatException(file.Path, LineOf(text, "date:"), $"the front matter date '{rawDate}' is not a date (expected YYYY-MM-DD)");
            date = d;
        }

        date ??= DateText.FindLast(title)?.Date;
        var url = meta.GetValueOrDefault("source_url") ?? meta.GetValueOrDefault("url");
        var place = meta.GetValueOrDefault("place") ?? meta.GetValueOrDefault("location");

        var paragraphs = Paragraphs.Split(text, bodyStart);
        int last = paragraphs.Count - 1;
        while (last >= 0 && ParagraphShape.IsFurniture(text, paragraphs[last])
               && SpeakerLabels.Match(text, paragraphs[last].Start, paragraphs[last].End) is null) last--;
        if (last < 0) throw new TranscriptFormatException(file.Path, file.LineAt(bodyStart), "the transcript has no text after the front matter");
        var body = paragraphs.GetRange(0, last + 1);

        if (place is null)
        {
            foreach (var p in body)
            {
                if (SpeakerLabels.Match(text, p.Start, p.End) is { IsStrong: true } || ParagraphShape.IsProse(text, p)) break;
                var line = Whitespace.Collapse(p.Of(text));
                if (!TimeLineRegex().IsMatch(line) && ParagraphShape.IsFurniture(text, p) && line.Any(char.IsLetter)) { place = line; break; }
            }
        }

        var turns = TurnAssembler.Assemble(text, body, title, file, _limits.MaxTurnsPerDocument);
        if (!turns.Any(t => t.Role == SpeakerRole.Principal))
            throw new TranscriptFormatException(file.Path, file.LineAt(bodyStart), "no statement by a named speaker was found (expected paragraphs such as 'NAME:  words')");

        return new TranscriptDocument
        {
            Id = DocumentIds.ForPath(file.Path),
            Title = title,
            Date = date,
            Year = date?.Year,
            Place = place,
            Url = string.IsNullOrWhiteSpace(url) ? null : url.Trim(),
            Source = file.Path,
            Format = Format,
            Text = text[bodyStart..paragraphs[last].End],
            TextOffset = bodyStart,
            ContentHash = file.ContentHash,
            Turns = turns.Select(t => t with { Start = t.Start - bodyStart, End = t.End - bodyStart }).ToList(),
        };
    }

    private static int FrontMatterStart(string text)
    {
        var first = text.AsSpan(0, Math.Min(text.Length, 8));
        if (first.StartsWith("---\n") ) return 4;
        if (first.StartsWith("---\r\n")) return 5;
        return -1;
    }

    private static Dictionary<string, string> ReadFrontMatter(SourceFile file, string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (stream.Documents.Count == 0) return result;
            if (stream.Documents[0].RootNode is not YamlMappingNode map)
                throw new TranscriptFormatException(file.Path, 2, "the front matter is not a YAML mapping of keys to values");
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode k && value is YamlScalarNode v && k.Value is not null && v.Value is not null)
                    result[k.Value] = v.Value;
            }

            return result;
        }
        catch (YamlException e)
        {
            // Front matter starts on line 2 of the file.
            throw new TranscriptFormatException(file.Path, (int)e.Start.Line + 1, "the front matter is not valid YAML: " + e.Message, e);
        }
    }

    private static int? LineOf(string text, string needle)
    {
        int at = text.IndexOf(needle, StringComparison.Ordinal);
        return at < 0 ? null : text.AsSpan(0, at).Count('\n') + 1;
    }
}
