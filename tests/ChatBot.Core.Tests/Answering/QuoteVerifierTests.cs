using ChatBot.Answering;

namespace ChatBot.Core.Tests.Answering;

public sealed class QuoteVerifierTests
{
    private static readonly string[] s_passages =
    [
        "He said that a war with North Korea would be catastrophic and would claim tens of thousands of lives.",
        "I am against inventing new terms and sticking labels. It was a professional conversation between two men.",
    ];

    [Fact]
    public void VerbatimQuoteWithItsCitationPasses()
    {
        var result = QuoteVerifier.Verify("Lavrov warned that “a war with North Korea would be catastrophic” [1].", s_passages);
        Assert.Empty(result.FabricatedQuotes);
        Assert.Equal([1], result.ValidCitations);
    }

    [Fact]
    public void WhiteSpaceAndQuoteMarksAreTheOnlyLiberties()
    {
        var ok = QuoteVerifier.Verify("He said: \"I am against  inventing new terms\n and sticking labels\" [2].", s_passages);
        Assert.Empty(ok.FabricatedQuotes);
        var changed = QuoteVerifier.Verify("He said: \"I am against inventing new words and sticking labels\" [2].", s_passages);
        Assert.Single(changed.FabricatedQuotes);
    }

    [Fact]
    public void QuoteFoundOnlyInAnotherPassageThanTheCitedOneIsFabricated()
    {
        var result = QuoteVerifier.Verify("He said \"a professional conversation between two men\" [1].", s_passages);
        Assert.Single(result.FabricatedQuotes);
    }

    [Fact]
    public void CitationsOfMissingPassagesAreDropped()
    {
        var result = QuoteVerifier.Verify("He spoke of labels [2] and of sanctions [7].", s_passages);
        Assert.Equal([7], result.DroppedCitations);
        Assert.Equal([2], result.ValidCitations);
        Assert.DoesNotContain("[7]", result.Text);
        Assert.Contains("of sanctions.", result.Text);
    }
}
