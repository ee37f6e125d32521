using ChatBot.Text;

namespace ChatBot.Core.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static List<string> Sentences(string text) => SentenceSplitter.Split(text).Select(s => s.Of(text)).ToList();

    [Fact]
    public void SplitsAtSentenceEndsAndKeepsClosingQuotes()
    {
        Assert.Equal(
            ["They insist on “fair trade” rather than “free trade.”", "Is this true?", "Yes!"],
            Sentences("They insist on “fair trade” rather than “free trade.” Is this true? Yes!"));
    }

    [Fact]
    public void TitlesInitialsAndAbbreviationsDoNotEndASentence()
    {
        Assert.Equal(
            ["Mr. Kerry met Sergey V. Lavrov in the U.S. Capitol at 7 p.m. on Monday.", "It went well."],
            Sentences("Mr. Kerry met Sergey V. Lavrov in the U.S. Capitol at 7 p.m. on Monday. It went well."));
    }

    [Fact]
    public void ACitationInsideASentenceDoesNotEndIt()
    {
        // As a General Assembly record cites an earlier meeting.
        Assert.Equal(
            ["He urged “a world free of nuclear weapons” (A/70/PV.3, p. 3).", "Much remains to be done."],
            Sentences("He urged “a world free of nuclear weapons” (A/70/PV.3, p. 3). Much remains to be done."));
    }

    [Fact]
    public void ABlankLineAlwaysEndsASentenceAndHardWrapsDoNot()
    {
        Assert.Equal(["So we had a very busy day today, as you all\nknow", "Next paragraph."], Sentences("So we had a very busy day today, as you all\nknow\n\nNext paragraph."));
    }

    [Fact]
    public void OffsetsPointIntoTheOriginalText()
    {
        const string text = "  First one.  Second one?\n\n Third.";
        foreach (var span in SentenceSplitter.Split(text))
        {
            Assert.False(char.IsWhiteSpace(text[span.Start]));
            Assert.False(char.IsWhiteSpace(text[span.End - 1]));
        }

        Assert.Equal(3, SentenceSplitter.Split(text).Count);
    }

    [Fact]
    public void MarkdownHeadingAndRuleLinesEndASentenceAndBelongToNone()
    {
        const string text = "It must be done by restoring trust.\n\n---\n\n---\n\n### Page 3 (continued):  \nHowever, trust is being eroded. We must engage\n### II. Armed Conflicts\nin honest negotiations.";
        Assert.Equal(
            ["It must be done by restoring trust.", "However, trust is being eroded.", "We must engage", "in honest negotiations."],
            Sentences(text));
    }

    [Fact]
    public void LowerCaseAfterAPeriodContinuesTheSentence()
    {
        Assert.Single(Sentences("The talks continue, e.g. on trade, etc. and more."));
    }
}

public sealed class StemmerTests
{
    [Theory]
    [InlineData("sanctions", "sanction")]
    [InlineData("ukrainian", "ukraine")]
    [InlineData("syrian", "syria")]
    [InlineData("negotiating", "negotiations")]
    [InlineData("crises", "crisis")]
    [InlineData("korean", "korea")]
    public void InflectionsAndDemonymsShareAStem(string a, string b) => Assert.Equal(ChatBot.Text.Stemmer.Stem(a), ChatBot.Text.Stemmer.Stem(b));

    [Fact]
    public void ShortWordsStayAsTheyAre() => Assert.Equal("nato", ChatBot.Text.Stemmer.Stem("nato"));
}
