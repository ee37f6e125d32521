using ChatBot.Chunking;
using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Tests.Shared;

namespace ChatBot.Core.Tests.Chunking;

public sealed class TurnChunkerTests
{
    private static TranscriptDocument Seed(string file) => TranscriptReader.CreateDefault().Read(Path.Combine(RepoPaths.Samples, file));

    [Theory]
    [InlineData("000_d38afe4695054730.txt")]
    [InlineData("002_dd31507d0c29c18a.txt")]
    public void ChunksStayInsideOneTurnFitTheBudgetAndAreSlicesOfTheText(string file)
    {
        var document = Seed(file);
        var chunker = new TurnChunker(new ChunkingOptions { MaxTokens = 60 });
        var chunks = chunker.Chunk(document);
        Assert.NotEmpty(chunks);
        foreach (var chunk in chunks)
        {
            var turn = document.Turns[chunk.TurnIndex];
            Assert.InRange(chunk.Start, turn.Start, turn.End);
            Assert.InRange(chunk.End, turn.Start, turn.End);
            Assert.Equal(document.Text[chunk.Start..chunk.End], chunk.Text);
            Assert.Equal(turn.Speaker, chunk.Speaker);
            Assert.Equal(turn.Role, chunk.Role);
            Assert.True(TokenEstimate.Count(chunk.Text) <= 60, $"chunk of {TokenEstimate.Count(chunk.Text)} tokens: {chunk.Text}");
        }

        // Every turn is covered from its first to its last character.
        foreach (var turn in document.Turns)
        {
            var ofTurn = chunks.Where(c => c.TurnIndex == turn.Index).ToList();
            Assert.Equal(turn.Start, ofTurn.Min(c => c.Start));
            Assert.Equal(turn.End, ofTurn.Max(c => c.End));
        }

        Assert.Equal(chunks.Count, chunks.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void ConsecutiveChunksOfATurnShareASmallOverlapAndLeaveNoGap()
    {
        var document = Seed("000_d38afe4695054730.txt");
        var chunks = new TurnChunker(new ChunkingOptions { MaxTokens = 60, OverlapSentences = 1 }).Chunk(document);
        var pairs = chunks.Zip(chunks.Skip(1)).Where(p => p.First.TurnIndex == p.Second.TurnIndex).ToList();
        Assert.NotEmpty(pairs);
        Assert.Contains(pairs, p => p.Second.Start < p.First.End);
        foreach (var (first, second) in pairs)
        {
            // No words fall between two chunks, and the repeated part is at most a third of the budget.
            Assert.True(string.IsNullOrWhiteSpace(document.Text[Math.Min(first.End, second.Start)..Math.Max(first.End, second.Start)]) || second.Start < first.End);
            if (second.Start < first.End) Assert.True(TokenEstimate.Count(document.Text[second.Start..first.End]) <= 20);
        }
    }

    [Fact]
    public void AnswerChunksRememberTheQuestionAndQuestionsDoNot()
    {
        var document = Seed("000_d38afe4695054730.txt");
        var chunks = new TurnChunker(new ChunkingOptions()).Chunk(document);
        var northKorea = chunks.First(c => c.Text.Contains("talking about North Korea", StringComparison.Ordinal));
        Assert.Equal(SpeakerRole.Principal, northKorea.Role);
        Assert.StartsWith("President Trump said in a speech in the South Koran parliament", northKorea.Question);
        Assert.DoesNotContain("South Koran parliament", northKorea.Text);
        Assert.All(chunks.Where(c => c.Role == SpeakerRole.Question), c => Assert.Null(c.Question));
        Assert.Null(chunks[0].Question); // opening remarks answer no question
    }

    [Fact]
    public void OverlongSentenceIsCutAtClauseMarks()
    {
        var words = string.Join(", ", Enumerable.Range(0, 80).Select(i => $"point number {i}"));
        var text = $"Sergey Lavrov: {words}.\n";
        using var temp = new TempDirectory();
        var document = TranscriptReader.CreateDefault().Read(temp.Write("long.txt", "Title line, Moscow, May 1, 2020\n\nQuestion: Why?\n\n" + text));
        var chunks = new TurnChunker(new ChunkingOptions { MaxTokens = 40 }).Chunk(document).Where(c => c.Role == SpeakerRole.Principal).ToList();
        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.True(TokenEstimate.Count(c.Text) <= 40));
        Assert.All(chunks.Take(chunks.Count - 1), c => Assert.EndsWith(",", c.Text));
    }

    [Fact]
    public void OptionsRefuseNonsense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChunkingOptions { MaxTokens = 4 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChunkingOptions { OverlapSentences = -1 });
    }
}
