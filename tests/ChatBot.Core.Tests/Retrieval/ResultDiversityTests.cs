using ChatBot.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class ResultDiversityTests
{
    private static PassagePlace Place(string document, int turn, int ordinal, string words) =>
        new(document, turn, ordinal, ordinal * 100, ordinal * 100 + 100, words, words);

    [Fact]
    public void Windows_next_to_a_chosen_passage_are_skipped_and_distant_passages_of_a_long_speech_keep_their_rank()
    {
        // A speech is one turn: four windows of it, and one answer of a briefing.
        var ranked = new[]
        {
            Place("speech", 0, 0, "a"), Place("speech", 0, 1, "b"), Place("speech", 0, 5, "c"), Place("briefing", 3, 0, "d"), Place("speech", 0, 9, "e"),
        };
        // "b" lies next to "a"; "c" is another part of the speech and ranks above the briefing's answer.
        Assert.Equal(["a", "c"], ResultDiversity.Choose(ranked, 2, p => p).Select(p => p.Words));
        Assert.Equal(["a", "c", "d", "e"], ResultDiversity.Choose(ranked, 5, p => p).Select(p => p.Words));
        // Counting statements (a timeline): one passage per turn.
        Assert.Equal(["a", "d"], ResultDiversity.Choose(ranked, 5, p => p, onePerTurn: true).Select(p => p.Words));
    }

    [Fact]
    public void The_same_words_stored_twice_count_once()
    {
        var ranked = new[] { Place("copy-1", 0, 0, "same words"), Place("copy-2", 0, 0, "same words"), Place("other", 0, 0, "other words") };
        Assert.Equal(["copy-1", "other"], ResultDiversity.Choose(ranked, 5, p => p).Select(p => p.DocumentId));
    }
}
