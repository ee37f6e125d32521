using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Storage;

namespace ChatBot.Storage.Tests.Conformance;

/// <summary>One turn of a synthetic transcript, with the vector its chunk gets (null: stored without an embedding).</summary>
internal sealed record TurnSpec(string Speaker, string? Label, SpeakerRole Role, string Text, float[]? Vector, string? Post = null, bool AnswersPrevious = false);

/// <summary>
/// A synthetic transcript built from turns: the text is "Label: words" paragraphs, each turn is one chunk whose span
/// is the turn's words, and an answer carries the previous turn's words as its question context.
/// </summary>
internal sealed class TestDocument
{
    public TestDocument(string id, string title, DateOnly? date, int? year, string? place, string format, string version, IReadOnlyList<TurnSpec> turns)
    {
        var text = new System.Text.StringBuilder();
        var built = new List<Turn>();
        var chunks = new List<IndexedChunk>();
        for (int i = 0; i < turns.Count; i++)
        {
            var spec = turns[i];
            if (spec.Label is not null) text.Append(spec.Label).Append(": ");
            int start = text.Length;
            text.Append(spec.Text);
            int end = text.Length;
            text.Append("\n\n");
            built.Add(new Turn(i, spec.Speaker, spec.Label, spec.Role, start, end, spec.Post));
            var chunk = new Chunk
            {
                Id = DocumentIds.ForChunk(id, version, i),
                DocumentId = id,
                DocumentVersion = version,
                Ordinal = i,
                TurnIndex = i,
                Start = start,
                End = end,
                Text = spec.Text,
                Speaker = spec.Speaker,
                Role = spec.Role,
                Post = spec.Post,
                Question = spec.AnswersPrevious && i > 0 ? turns[i - 1].Text : null,
            };
            chunks.Add(new IndexedChunk(chunk, spec.Vector is null ? (ReadOnlyMemory<float>?)null : new ReadOnlyMemory<float>(spec.Vector)));
        }

        Document = new TranscriptDocument
        {
            Id = id,
            Title = title,
            Date = date,
            Year = year ?? date?.Year,
            Place = place,
            Url = $"https://example.org/transcripts/{id}",
            Source = $"/corpus/{format}/{id}.txt",
            Format = format,
            Text = text.ToString(),
            TextOffset = 17,
            ContentHash = version,
            Turns = built,
        };
        Chunks = chunks;
    }

    public TranscriptDocument Document { get; }

    public IReadOnlyList<IndexedChunk> Chunks { get; }

    public string Id => Document.Id;

    public Chunk this[int ordinal] => Chunks[ordinal].Chunk;

    /// <summary>The same document with only its first <paramref name="count"/> chunks (a re-chunking of the same version).</summary>
    public IReadOnlyList<IndexedChunk> FirstChunks(int count) => Chunks.Take(count).ToList();
}
