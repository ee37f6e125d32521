using ChatBot.Chunking;
using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Retrieval;
using ChatBot.Tests.Shared;
using ChatBot.Text;

namespace ChatBot.Core.Tests.Chunking;

/// <summary>
/// A UN speech whose file carries Markdown (page headings, section rules, bold): Lavrov's 2024 speech. Headings and
/// rules are not the speaker's words, so no chunk (and so no quote) may hold one, while every word of the speech
/// stays in some chunk and every chunk stays a verbatim slice.
/// </summary>
public sealed class MarkdownSpeechChunkingTests
{
    private static readonly string s_file = Path.Combine(RepoPaths.Corpus, "ungdc", "2024", "RUS_79_2024.txt");

    private static TranscriptDocument Speech() => TranscriptReader.CreateDefault().Read(s_file);

    public static TheoryData<int> Budgets => [110, 60, 30];

    [Theory]
    [MemberData(nameof(Budgets))]
    public void NoChunkHoldsAHeadingOrARuleLine(int maxTokens)
    {
        var document = Speech();
        Assert.Contains("\n### Page 7:", document.Text); // the file still has its Markdown: the test means something
        var chunks = new TurnChunker(new ChunkingOptions { MaxTokens = maxTokens }).Chunk(document);
        Assert.NotEmpty(chunks);
        foreach (var chunk in chunks)
        {
            Assert.DoesNotContain("### ", chunk.Text);
            Assert.DoesNotContain(Lines(chunk.Text), line => MarkupText.IsBoundaryLine(line) || line.Trim() == "---");
        }
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void ChunksAreSlicesAndCoverEveryWordOutsideMarkupLines(int maxTokens)
    {
        var document = Speech();
        var text = document.Text;
        Assert.Equal(File.ReadAllText(s_file)[..text.Length], text); // stored text is a slice of the file
        var turn = Assert.Single(document.Turns);
        var chunks = new TurnChunker(new ChunkingOptions { MaxTokens = maxTokens }).Chunk(document);

        var covered = new bool[text.Length];
        foreach (var chunk in chunks)
        {
            Assert.InRange(chunk.Start, turn.Start, chunk.End);
            Assert.InRange(chunk.End, chunk.Start, turn.End);
            Assert.Equal(text[chunk.Start..chunk.End], chunk.Text);
            Assert.True(TokenEstimate.Count(chunk.Text) <= maxTokens, $"chunk of {TokenEstimate.Count(chunk.Text)} tokens: {chunk.Text}");
            for (int i = chunk.Start; i < chunk.End; i++) covered[i] = true;
        }

        // Every character that is not white space and not on a heading or rule line is in some chunk.
        int pos = turn.Start;
        foreach (var line in text[turn.Start..turn.End].Split('\n'))
        {
            bool markup = MarkupText.IsBoundaryLine(line.TrimEnd('\r'));
            for (int i = 0; i < line.Length; i++)
            {
                if (char.IsWhiteSpace(line[i])) continue;
                if (markup) Assert.False(covered[pos + i], $"markup line in a chunk: {line}");
                else Assert.True(covered[pos + i], $"not in any chunk at {pos + i}: {line}");
            }

            pos += line.Length + 1;
        }
    }

    [Fact]
    public void EverySentenceOfTheSpeechIsWholeInsideOneChunk()
    {
        var document = Speech();
        var turn = document.Turns[0];
        var sentences = SentenceSplitter.Split(document.Text, turn.Start, turn.End);
        var chunks = new TurnChunker(new ChunkingOptions()).Chunk(document);
        Assert.Contains(sentences, s => s.Of(document.Text).StartsWith("However, trust is being eroded", StringComparison.Ordinal));
        foreach (var sentence in sentences)
        {
            Assert.DoesNotContain("###", sentence.Of(document.Text));
            Assert.Contains(chunks, c => c.Start <= sentence.Start && sentence.End <= c.End);
        }
    }

    [Fact]
    public void QuotesPickedFromTheChunksHoldNoMarkupLines()
    {
        var document = Speech();
        var chunks = new TurnChunker(new ChunkingOptions()).Chunk(document);
        var stems = Stemmer.Stems("Istanbul talks settlement plan Putin");
        foreach (var chunk in chunks)
        {
            var span = QuoteSelector.Select(chunk.Text, stems);
            var quote = document.Text[(chunk.Start + span.Start)..(chunk.Start + span.End)];
            Assert.Equal(span.Of(chunk.Text), quote);
            Assert.DoesNotContain("###", quote);
            Assert.DoesNotContain(Lines(quote), line => MarkupText.IsBoundaryLine(line));
        }
    }

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
}
