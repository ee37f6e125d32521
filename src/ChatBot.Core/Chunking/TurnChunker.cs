using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Text;

namespace ChatBot.Chunking;

/// <summary>
/// Cuts each turn into windows of whole sentences that fit the embedding model, with a small overlap. A chunk
/// never crosses a turn, nor a Markdown heading or rule line (which no chunk holds); a sentence longer than the
/// window is cut at clause marks, else between words. Answer chunks carry the question they answer. Thread-safe if
/// the token counter is.
/// </summary>
public sealed class TurnChunker(ChunkingOptions options)
{
    private readonly Func<string, int> _count = options.TokenCounter ?? TokenEstimate.Count;

    /// <summary>The settings in use.</summary>
    public ChunkingOptions Options { get; } = options;

    /// <summary>All chunks of a document, in order.</summary>
    public List<Chunk> Chunk(TranscriptDocument document)
    {
        var chunks = new List<Chunk>();
        string? lastQuestion = null;
        foreach (var turn in document.Turns)
        {
            string? question = turn.Role == SpeakerRole.Principal ? lastQuestion : null;
            foreach (var span in Windows(document.Text, turn))
            {
                chunks.Add(new Chunk
                {
                    Id = DocumentIds.ForChunk(document.Id, document.ContentHash, chunks.Count),
                    DocumentId = document.Id,
                    DocumentVersion = document.ContentHash,
                    Ordinal = chunks.Count,
                    TurnIndex = turn.Index,
                    Start = span.Start,
                    End = span.End,
                    Text = span.Of(document.Text),
                    Speaker = turn.Speaker,
                    Role = turn.Role,
                    Post = turn.Post,
                    Question = question,
                });
            }

            // A question stays the context until a principal answers it; moderators in between do not reset it.
            if (turn.Role == SpeakerRole.Question) lastQuestion = Whitespace.Collapse(document.TextOf(turn));
            else if (turn.Role == SpeakerRole.Principal) lastQuestion = null;
        }

        return chunks;
    }

    /// <summary>
    /// The chunk spans of a turn. Markdown heading and rule lines (<see cref="MarkupText.Blocks"/>) are hard
    /// boundaries: each part between them is windowed on its own, so no chunk holds one or crosses one.
    /// </summary>
    private List<TextSpan> Windows(string text, Turn turn)
    {
        var windows = new List<TextSpan>();
        foreach (var block in MarkupText.Blocks(text, turn.Start, turn.End))
            AddWindows(text, block, windows);
        return windows;
    }

    private void AddWindows(string text, TextSpan block, List<TextSpan> windows)
    {
        var pieces = new List<(TextSpan Span, int Tokens)>();
        foreach (var sentence in SentenceSplitter.Split(text, block.Start, block.End))
        {
            int tokens = _count(sentence.Of(text));
            if (tokens <= Options.MaxTokens) pieces.Add((sentence, tokens));
            else foreach (var part in SplitLong(text, sentence)) pieces.Add((part, _count(part.Of(text))));
        }

        int first = 0;
        while (first < pieces.Count)
        {
            int last = first, total = pieces[first].Tokens;
            while (last + 1 < pieces.Count && total + pieces[last + 1].Tokens <= Options.MaxTokens)
                total += pieces[++last].Tokens;
            windows.Add(new TextSpan(pieces[first].Span.Start, pieces[last].Span.End));
            if (last + 1 >= pieces.Count) break;

            int next = last + 1;
            int overlap = 0, overlapTokens = 0;
            while (overlap < Options.OverlapSentences && next - 1 > first
                   && overlapTokens + pieces[next - 1].Tokens <= Options.MaxTokens / 3)
            {
                next--;
                overlap++;
                overlapTokens += pieces[next].Tokens;
            }

            first = next;
        }
    }

    /// <summary>Cuts an over-long sentence into parts that fit, at ';', ':', ',' or dashes when possible, else between words.</summary>
    private List<TextSpan> SplitLong(string text, TextSpan sentence)
    {
        var parts = new List<TextSpan>();
        int start = sentence.Start;
        while (start < sentence.End)
        {
            int end = sentence.End;
            if (_count(text[start..end]) <= Options.MaxTokens)
            {
                parts.Add(Paragraphs.Trim(text, start, end));
                break;
            }

            // Grow word by word to the limit, remembering the last clause mark and the last word boundary.
            int lastClause = -1, lastSpace = -1, pos = start;
            while (pos < sentence.End)
            {
                int nextSpace = text.IndexOf(' ', pos + 1, sentence.End - pos - 1);
                int candidate = nextSpace < 0 ? sentence.End : nextSpace;
                if (_count(text[start..candidate]) > Options.MaxTokens) break;
                if (candidate > start && ",;:—–".Contains(text[candidate - 1])) lastClause = candidate;
                lastSpace = candidate;
                pos = candidate;
                if (nextSpace < 0) break;
            }

            int cut = lastClause > start + (lastSpace - start) / 2 ? lastClause : lastSpace;
            if (cut <= start) cut = Math.Min(sentence.End, start + Options.MaxTokens * 3); // one enormous word
            parts.Add(Paragraphs.Trim(text, start, cut));
            start = cut;
            while (start < sentence.End && char.IsWhiteSpace(text[start])) start++;
        }

        return parts.Where(p => p.Length > 0).ToList();
    }
}
