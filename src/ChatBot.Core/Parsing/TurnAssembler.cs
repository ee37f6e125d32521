using ChatBot.Model;
using ChatBot.Text;

namespace ChatBot.Parsing;

/// <summary>
/// Builds speaker turns from paragraphs: a labelled paragraph opens a turn, unlabelled paragraphs continue it.
/// Prose before the first label (opening remarks) is attributed to the principal the title names, when one of
/// the labelled principals is named there; otherwise it is left unattributed rather than guessed.
/// </summary>
internal static class TurnAssembler
{
    public const string Unattributed = "Unattributed";

    public static List<Turn> Assemble(string text, IReadOnlyList<TextSpan> blocks, string title, SourceFile file, int maxTurns)
    {
        var paragraphs = SplitAtLabelledLines(text, blocks);
        var knownNames = TitleNames.Extract(title);
        var matches = new LabelMatch?[paragraphs.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < paragraphs.Count; i++)
        {
            var m = SpeakerLabels.Match(text, paragraphs[i].Start, paragraphs[i].End);
            if (m is null) continue;
            matches[i] = m;
            counts[m.Value.Label] = counts.GetValueOrDefault(m.Value.Label) + 1;
        }

        var raw = new List<(LabelMatch? Label, int Start, int End)>();
        var opening = new List<TextSpan>();
        for (int i = 0; i < paragraphs.Count; i++)
        {
            var m = matches[i];
            if (m is { } label && (label.IsStrong || counts[label.Label] >= 2))
            {
                if (raw.Count >= maxTurns)
                    throw new TranscriptFormatException(file.Path, file.LineAt(paragraphs[i].Start),
                        $"more than {maxTurns:N0} speaker turns, the limit per document (ChatBot:Ingest:MaxTurnsPerDocument); split the file or raise the limit");
                raw.Add((label, label.ContentStart, paragraphs[i].End));
            }
            else if (raw.Count > 0)
            {
                raw[^1] = raw[^1] with { End = paragraphs[i].End };
            }
            else
            {
                opening.Add(paragraphs[i]);
            }
        }

        var turns = new List<Turn>();
        var openingSpan = OpeningSpan(text, opening);
        if (openingSpan is { } span)
        {
            var speaker = OpeningSpeaker(raw, knownNames, title);
            turns.Add(new Turn(0, speaker ?? Unattributed, null, speaker is null ? SpeakerRole.Other : SpeakerRole.Principal,
                span.Start, span.End, speaker is null ? null : TitleNames.PostBefore(title, speaker)));
        }

        // A label the title does not name in full ("AMBASSADOR TAI") takes the name and post the text introduces before
        // the label's first turn ("U.S. Trade Representative Katherine Tai"), the same for every turn under it.
        var introduced = new Dictionary<string, (string Name, string? Post)?>(StringComparer.Ordinal);
        foreach (var (label, start, end) in raw)
        {
            var l = label!.Value;
            var trimmed = Paragraphs.Trim(text, start, end);
            if (trimmed.Length == 0) continue;
            var role = SpeakerLabels.Classify(l.Label);
            var name = SpeakerLabels.DisplayName(l.Label, knownNames, title);
            string? introducedPost = null;
            if (role == SpeakerRole.Principal && name == SpeakerLabels.ToTitleCase(l.Label) && SpeakerLabels.Surname(l.Label) is { } surname)
            {
                if (!introduced.TryGetValue(l.Label, out var intro)) introduced[l.Label] = intro = Introductions.Find(text, start, surname);
                if (intro is { } found) (name, introducedPost) = found;
            }

            if (role == SpeakerRole.Principal && AddressesOwnName(text, trimmed, name))
            {
                // "MS. PSAKI:  Jen, let me — I have a question for you": a reporter's question under the official's
                // label, a known slip in published transcripts. Never let it pass as the official's words.
                role = SpeakerRole.Question;
                name = "Question";
            }

            var post = role == SpeakerRole.Principal ? TitleNames.PostBefore(title, name) ?? introducedPost : null;
            turns.Add(new Turn(turns.Count, name, l.Label, role, trimmed.Start, trimmed.End, post));
        }

        return turns;
    }

    /// <summary>
    /// A new speaker may start on the next line without a blank line in between ("has said?  \nMS. PSAKI:  This");
    /// such a line begins a paragraph of its own. Only unambiguous labels split a paragraph.
    /// </summary>
    private static List<TextSpan> SplitAtLabelledLines(string text, IReadOnlyList<TextSpan> blocks)
    {
        var result = new List<TextSpan>(blocks.Count);
        foreach (var block in blocks)
        {
            int start = block.Start;
            int nl = text.IndexOf('\n', start, block.Length);
            while (nl >= 0 && nl < block.End)
            {
                int lineStart = nl + 1;
                while (lineStart < block.End && text[lineStart] is ' ' or '\t') lineStart++;
                if (lineStart < block.End && SpeakerLabels.Match(text, lineStart, block.End) is { IsStrong: true })
                {
                    result.Add(Paragraphs.Trim(text, start, nl));
                    start = lineStart;
                }

                nl = lineStart < block.End ? text.IndexOf('\n', lineStart, block.End - lineStart) : -1;
            }

            result.Add(Paragraphs.Trim(text, start, block.End));
        }

        return result.Where(p => p.Length > 0).ToList();
    }

    /// <summary>Whether a turn opens by addressing its own speaker by name ("Jen, ..."), which only a questioner does.</summary>
    private static bool AddressesOwnName(string text, TextSpan turn, string speaker)
    {
        var parts = speaker.Split(' ');
        if (parts.Length < 2) return false;
        var words = turn.In(text);
        foreach (var part in new[] { parts[0], parts[^1] })
        {
            if (part.Length < 2 || !words.StartsWith(part, StringComparison.Ordinal)) continue;
            var rest = words[part.Length..];
            if (rest.Length > 0 && (rest[0] == ',' || rest[0] == '—')) return true;
        }

        return false;
    }

    private static TextSpan? OpeningSpan(string text, List<TextSpan> opening)
    {
        int first = opening.FindIndex(p => ParagraphShape.IsProse(text, p));
        if (first < 0) return null;
        int last = opening.FindLastIndex(p => ParagraphShape.IsProse(text, p));
        return new TextSpan(opening[first].Start, opening[last].End);
    }

    /// <summary>The labelled principal whose surname the title mentions, preferring the one who speaks most.</summary>
    private static string? OpeningSpeaker(List<(LabelMatch? Label, int Start, int End)> raw, List<string> knownNames, string title)
    {
        var byVolume = raw
            .Where(r => SpeakerLabels.Classify(r.Label!.Value.Label) == SpeakerRole.Principal)
            .GroupBy(r => SpeakerLabels.DisplayName(r.Label!.Value.Label, knownNames, title))
            .OrderByDescending(g => g.Sum(r => r.End - r.Start))
            .Select(g => g.Key);
        foreach (var name in byVolume)
        {
            var surname = name.Split(' ')[^1];
            if (surname.Length > 1 && title.Contains(surname, StringComparison.OrdinalIgnoreCase)) return name;
        }

        return null;
    }
}
