using ChatBot.Tests.Shared;
using ChatBot.Text;

namespace ChatBot.Core.Tests.Text;

public sealed class DisplayTextTests
{
    [Fact]
    public void HardWrappedLinesOfABriefingAreJoinedAndBlankLinesStillSeparateParagraphs()
    {
        const string text =
            "MS. PSAKI:  Good evening, everyone.  Thank you for joining us on this\nhistoric day.  It’s an honor to be here with all of you. \n\n" +
            "When the President asked me to serve in this role, we talked about the\nimportance of bringing truth and transparency back to the briefing room.";

        Assert.Equal(
            "MS. PSAKI: Good evening, everyone. Thank you for joining us on this historic day. It’s an honor to be here with all of you.\n\n" +
            "When the President asked me to serve in this role, we talked about the importance of bringing truth and transparency back to the briefing room.",
            DisplayText.Unwrap(text));
    }

    [Fact]
    public void AnIndentedLineStartsAParagraphInAPrintedRecordWithoutBlankLines()
    {
        const string text =
            "The world displayed an unprecedented level of solidarity by \nrejecting old phobias and stereotypes. It seemed that \nthe global coalition became a new reality. \n" +
            " The cohesion in the face of the deadly threats \nemerging from Al-Qaida made it possible to achieve \ntangible success during the initial stage.";

        var paragraphs = DisplayText.Paragraphs(text).Select(p => p.Of(text)).ToList();

        Assert.Equal(2, paragraphs.Count);
        Assert.StartsWith("The world displayed", paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("The cohesion", paragraphs[1], StringComparison.Ordinal);
        Assert.Equal(
            "The world displayed an unprecedented level of solidarity by rejecting old phobias and stereotypes. It seemed that the global coalition became a new reality.\n\n" +
            "The cohesion in the face of the deadly threats emerging from Al-Qaida made it possible to achieve tangible success during the initial stage.",
            DisplayText.Unwrap(text));
    }

    [Fact]
    public void EachLongLineIsAParagraphOfItsOwn()
    {
        var first = "Last year, from this same rostrum, at the seventieth anniversary session of the General Assembly, much was said concerning the critical turning point.";
        var second = "Unfortunately, despite having acknowledged that fact, many Western countries continue to favour their entrenched ideas of mentoring and dominance.";
        var short3 = "Thank you.";
        var text = first + "\n" + second + "\n" + short3;

        Assert.Equal([first, second, short3], DisplayText.Paragraphs(text).Select(p => p.Of(text)));
    }

    [Fact]
    public void InHardWrappedTextAShortLineEndingASentenceEndsItsParagraph()
    {
        const string text =
            "The challenges we face are complex. There are no \nsimple solutions. What is required of us is strong, \ncollective action.\n" +
            "I am a true believer in international cooperation \nand in the virtues of the United Nations.";

        Assert.Equal(
            "The challenges we face are complex. There are no simple solutions. What is required of us is strong, collective action.\n\n" +
            "I am a true believer in international cooperation and in the virtues of the United Nations.",
            DisplayText.Unwrap(text));
    }

    [Fact]
    public void HeadingAndRuleLinesEndAParagraphAndBelongToNone()
    {
        const string text = "First part of the\nspeech.\n### Page 4:\nSecond part of\nthe speech.\n---\nThird.";

        Assert.Equal("First part of the speech.\n\nSecond part of the speech.\n\nThird.", DisplayText.Unwrap(text));
    }

    [Fact]
    public void ParagraphsAreSpansOfTheTextAndKeepEveryWord()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "ungdc", "2008", "RUS_63_2008.txt"));

        var paragraphs = DisplayText.Paragraphs(text);

        Assert.Equal(Whitespace.Collapse(text), Whitespace.Collapse(string.Join(" ", paragraphs.Select(p => p.Of(text)))));
        Assert.All(paragraphs.Zip(paragraphs.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
        Assert.InRange(paragraphs.Count, 15, 60);
        Assert.Equal(
            "On 11 September 2001, the world changed, and it rallied together in the fight against the threat of terror, a threat that was common for all " +
            "and knew no boundaries. I am referring to threat of terrorism. The world displayed an unprecedented level of solidarity by rejecting old phobias " +
            "and stereotypes. It seemed that the global counter-terrorism coalition became a new reality that from then on would define the development of a " +
            "system of international relations free from double standards and beneficial to all.",
            Whitespace.Collapse(paragraphs[0].Of(text)));
        Assert.StartsWith("The cohesion in the face of the deadly threats", paragraphs[1].Of(text), StringComparison.Ordinal);
    }

    [Fact]
    public void ASpeechWithOneLinePerParagraphKeepsItsLines()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "ungdc", "2016", "RUS_71_2016.txt"));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(lines, DisplayText.Paragraphs(text).Select(p => p.Of(text)));
    }

    [Fact]
    public void AOneLineTextIsUnchangedButTrimmed()
    {
        Assert.Equal("We must sit down at the negotiating table.", DisplayText.Unwrap("  We must sit down at the negotiating table. \n"));
        Assert.Empty(DisplayText.Paragraphs(" \n\n "));
    }
}
