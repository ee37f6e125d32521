using System.Text.RegularExpressions;
using ChatBot.Model;
using ChatBot.Text;

namespace ChatBot.Parsing;

/// <summary>
/// Plain-text transcripts as published by mid.ru: a title line ending in ", Place, Month D, YYYY", an optional
/// publication line ("18 November 201612:35") and language bar, opening remarks, then labelled turns
/// ("Question: ...", "Sergey Lavrov: ..."). Menu lines left over from the web page at the end are dropped.
/// </summary>
public sealed partial class MidRuTranscriptParser : ITranscriptParser
{
    private readonly ParsingLimits _limits;

    /// <summary>Creates the parser with the given limits (defaults when null).</summary>
    public MidRuTranscriptParser(ParsingLimits? limits = null) => _limits = limits ?? new ParsingLimits();

    /// <inheritdoc />
    public string Format => "mid-ru";

    [GeneratedRegex(@"^\d{1,2}[ \u00A0]+\p{L}+[ \u00A0]+\d{4}(?:[ \u00A0]*\d{1,2}:\d{2})?$")]
    private static partial Regex PublicationLineRegex();

    [GeneratedRegex(@"\b[a-z]{2}-[A-Z]{2}\d*\b")]
    private static partial Regex LanguageCodeRegex();

    /// <inheritdoc />
    public bool CanParse(SourceFile file)
    {
        var ext = Path.GetExtension(file.Path);
        if (!ext.Equals(".txt", StringComparison.OrdinalIgnoreCase) && ext.Length != 0) return false;
        // A transcript of this kind has at least one labelled turn near its start.
        var paragraphs = Paragraphs.Split(file.Text, 0, Math.Min(file.Text.Length, 20_000));
        return paragraphs.Take(40).Any(p => SpeakerLabels.Match(file.Text, p.Start, p.End) is { IsStrong: true });
    }

    /// <inheritdoc />
    public TranscriptDocument Parse(SourceFile file)
    {
        var text = file.Text;
        int pos = 0;
        DateOnly? published = null;
        var line = NextLine(text, ref pos);
        if (line is { } first && PublicationLineRegex().IsMatch(first.Of(text).Trim()))
        {
            published = DateText.FindLast(first.Of(text))?.Date;
            line = NextLine(text, ref pos);
        }

        if (line is null) throw new TranscriptFormatException(file.Path, null, "the file holds no text");
        string rawTitle;
        if (SpeakerLabels.Match(text, line.Value.Start, line.Value.End) is not { IsStrong: true })
        {
            rawTitle = Whitespace.Collapse(line.Value.Of(text));
        }
        else
        {
            rawTitle = Path.GetFileNameWithoutExtension(file.Path);
            pos = line.Value.Start;
        }

        var paragraphs = Paragraphs.Split(text, pos);
        int index = 0;
        while (index < paragraphs.Count && IsLanguageBar(paragraphs[index].Of(text))) index++;

        int last = paragraphs.Count - 1;
        while (last >= index && ParagraphShape.IsFurniture(text, paragraphs[last])
               && SpeakerLabels.Match(text, paragraphs[last].Start, paragraphs[last].End) is null) last--;
        if (last < index) throw new TranscriptFormatException(file.Path, file.LineAt(pos), "no transcript text after the title");

        var body = paragraphs.GetRange(index, last - index + 1);
        var (title, place, date) = SplitTitle(rawTitle);
        date ??= published;
        var turns = TurnAssembler.Assemble(text, body, title, file, _limits.MaxTurnsPerDocument);
        if (!turns.Any(t => t.Role == SpeakerRole.Principal))
            throw new TranscriptFormatException(file.Path, file.LineAt(body[0].Start), "no statement by a named speaker was found (expected paragraphs such as 'Name: words')");

        return new TranscriptDocument
        {
            Id = DocumentIds.ForPath(file.Path),
            Title = title,
            Date = date,
            Year = date?.Year,
            Place = place,
            Url = null,
            Source = file.Path,
            Format = Format,
            Text = text[..paragraphs[last].End],
            TextOffset = 0,
            ContentHash = file.ContentHash,
            Turns = turns,
        };
    }

    /// <summary>"Title, Place, Month D, YYYY" into its parts; a long "place" is part of the title, not a place.</summary>
    internal static (string Title, string? Place, DateOnly? Date) SplitTitle(string raw)
    {
        var found = DateText.FindLast(raw);
        if (found is not { } d || d.Index + d.Length < raw.TrimEnd().Length - 1) return (raw, null, found?.Date);
        var head = raw[..d.Index].TrimEnd().TrimEnd(',').TrimEnd();
        int comma = head.LastIndexOf(',');
        if (comma > 0)
        {
            var place = head[(comma + 1)..].Trim();
            if (place.Length > 0 && ParagraphShape.WordCount(place) <= 4 && char.IsUpper(place[0]))
                return (head[..comma].Trim(), place, d.Date);
        }

        return (head, null, d.Date);
    }

    /// <summary>The next non-blank line at or after <paramref name="pos"/>, trimmed; moves <paramref name="pos"/> past it.</summary>
    private static TextSpan? NextLine(string text, ref int pos)
    {
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            var span = Paragraphs.Trim(text, pos, end);
            pos = nl < 0 ? text.Length : nl + 1;
            if (span.Length > 0) return span;
        }

        return null;
    }

    private static bool IsLanguageBar(string paragraph) =>
        paragraph.Contains('•') || LanguageCodeRegex().Matches(paragraph).Count >= 2;
}
