using ChatBot.Text;

namespace ChatBot.Core.Tests.Text;

public sealed class MarkupTextTests
{
    [Theory]
    [InlineData("### Page 4:", true)]
    [InlineData("### Page 3 (continued):  ", true)]
    [InlineData("### II. Armed Conflicts", true)]
    [InlineData("# Title", true)]
    [InlineData("###### Six", true)]
    [InlineData("####### Seven is not a heading", false)]
    [InlineData("#1 priority", false)]
    [InlineData("    ### indented like code", false)]
    [InlineData("We are number #1.", false)]
    public void HeadingLineIsRecognisedByItsShape(string line, bool heading) => Assert.Equal(heading, MarkupText.IsHeadingLine(line));

    [Theory]
    [InlineData("---", true)]
    [InlineData("--- ", true)]
    [InlineData("***", true)]
    [InlineData("* * *", true)]
    [InlineData("________________", true)]
    [InlineData("***************", true)]
    [InlineData("--", false)]
    [InlineData("-- -*", false)]
    [InlineData("*************** Youth represents our common future.", false)]
    [InlineData("— Thank you.", false)]
    public void RuleLineIsThreeOrMoreOfOneMarkAlone(string line, bool rule) => Assert.Equal(rule, MarkupText.IsRuleLine(line));

    [Fact]
    public void BlocksAreTheTextBetweenHeadingAndRuleLines()
    {
        const string text = "First part.\n\n---\n\n---\n\n### Page 3 (continued):  \nSecond part.\n***\nThird part.";
        var blocks = MarkupText.Blocks(text).Select(b => b.Of(text)).ToList();
        Assert.Equal(["First part.", "Second part.", "Third part."], blocks);
    }

    [Fact]
    public void TextWithoutMarkupIsOneBlock()
    {
        const string text = "  Ban Ki-moon said — twice — that 5 * 3 is 15.\n\nNext paragraph.  ";
        var block = Assert.Single(MarkupText.Blocks(text));
        Assert.Equal(text.Trim(), block.Of(text));
    }

    [Fact]
    public void ALineIsABoundaryOnlyWhereALineStarts()
    {
        const string text = "Sergey Lavrov: --- said nothing.";
        Assert.Single(MarkupText.Blocks(text, text.IndexOf("---", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("A **realistic settlement plan** was put forward", "A realistic settlement plan was put forward")]
    [InlineData("The __2005 World Summit__ declared", "The 2005 World Summit declared")]
    [InlineData("did *not* happen", "did not happen")]
    [InlineData("***bold italic*** words", "bold italic words")]
    [InlineData("**a *b* c**", "a b c")]
    [InlineData("In **2015**, the **UN Sustainable Development Summit** adopted", "In 2015, the UN Sustainable Development Summit adopted")]
    [InlineData("5 * 3 * 2 = 30", "5 * 3 * 2 = 30")]
    [InlineData("an unpaired ** marker", "an unpaired ** marker")]
    [InlineData("snake__case__name stays", "snake__case__name stays")]
    [InlineData("*************** Youth represents", "*************** Youth represents")]
    [InlineData("**not closed\n\nacross paragraphs**", "**not closed\n\nacross paragraphs**")]
    public void StripEmphasisRemovesPairedMarkersOnly(string text, string expected) => Assert.Equal(expected, MarkupText.StripEmphasis(text));

    [Fact]
    public void ForDisplayDropsEmphasisAndFoldsWhiteSpace()
    {
        Assert.Equal("A realistic settlement plan was put forward by President Vladimir Putin",
            MarkupText.ForDisplay("A **realistic settlement plan**  was put forward\nby President Vladimir Putin"));
    }

    [Fact]
    public void StripDropsHeadingAndRuleLinesAndKeepsParagraphsApart()
    {
        Assert.Equal("the collapse of the 2022 Istanbul talks.\n\nThe unprecedented level",
            MarkupText.Strip("the collapse of the 2022 Istanbul talks.\n\n---\n\n---\n\n### Page 7:\n\nThe unprecedented level"));
    }

    [Fact]
    public void TextWithoutMarkupIsReturnedAsItIs()
    {
        const string text = "We are convinced\n\nthat there is no alternative.";
        Assert.Same(text, MarkupText.StripEmphasis(text));
        Assert.Equal(text, MarkupText.Strip(text));
    }
}
