using ChatBot.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class QuoteSelectorTests
{
    private const string Passage =
        "I take it he was talking about North Korea. We have expressed our attitude to this many times. " +
        "We have heard the President say that all options are on the table. He said that a war with North Korea " +
        "would be catastrophic and would claim many lives. Our position is well known.";

    [Fact]
    public void PicksTheSentencesCarryingTheTopic()
    {
        var span = QuoteSelector.Select(Passage, ["north", "kor", "war"]);
        Assert.Equal("He said that a war with North Korea would be catastrophic and would claim many lives.", span.Of(Passage));
    }

    [Fact]
    public void NeverMoreThanThreeSentencesAndAlwaysAVerbatimSlice()
    {
        var span = QuoteSelector.Select(Passage, ["attitud", "option", "position", "kor"]);
        var quote = span.Of(Passage);
        Assert.Contains(quote, Passage);
        Assert.InRange(QuoteSelector.Sentences(quote).Count, 1, QuoteSelector.MaxSentences);
    }

    [Fact]
    public void ShortSentenceIsWidenedByItsNeighbour()
    {
        const string passage = "Yes. We know about this US approach and we will discuss it tomorrow with our partners. Thank you.";
        var quote = QuoteSelector.Select(passage, ["yes"]).Of(passage);
        Assert.StartsWith("Yes. We know about this US approach", quote);
    }

    [Fact]
    public void TheWholePassageRunsFromItsFirstSentenceToItsLast()
    {
        var span = QuoteSelector.Whole("  " + Passage + "\n");
        Assert.Equal(Passage, span.Of("  " + Passage + "\n"));
    }
}
