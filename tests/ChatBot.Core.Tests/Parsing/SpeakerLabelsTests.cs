using ChatBot.Model;
using ChatBot.Parsing;

namespace ChatBot.Core.Tests.Parsing;

public sealed class SpeakerLabelsTests
{
    [Theory]
    [InlineData("Sergey Lavrov: Yes, I have.", "Sergey Lavrov", SpeakerRole.Principal)]
    [InlineData("Question: Is this true?", "Question", SpeakerRole.Question)]
    [InlineData("Question (retranslated from Arabic): Will you?", "Question", SpeakerRole.Question)]
    [InlineData("Maria Zakharova: Next question.", "Maria Zakharova", SpeakerRole.Principal)]
    [InlineData("MS. PSAKI:  Good evening.", "MS. PSAKI", SpeakerRole.Principal)]
    [InlineData("SENIOR ADMINISTRATION OFFICIAL:  Thanks.", "SENIOR ADMINISTRATION OFFICIAL", SpeakerRole.Principal)]
    [InlineData("MODERATOR:  Next.", "MODERATOR", SpeakerRole.Other)]
    [InlineData("WHITE HOUSE AIDE:  Last one.", "WHITE HOUSE AIDE", SpeakerRole.Other)]
    [InlineData("Q\u00A0\u00A0\u00A0 Thanks, Jen.", "Q", SpeakerRole.Question)]
    [InlineData("Journalist: A follow-up.", "Journalist", SpeakerRole.Question)]
    public void LabelIsRecognisedByShapeAndClassified(string paragraph, string label, SpeakerRole role)
    {
        var match = SpeakerLabels.Match(paragraph, 0, paragraph.Length);
        Assert.NotNull(match);
        Assert.Equal(label, match.Value.Label);
        Assert.Equal(role, SpeakerLabels.Classify(match.Value.Label));
        Assert.True(match.Value.ContentStart < paragraph.Length);
        Assert.False(char.IsWhiteSpace(paragraph[match.Value.ContentStart]));
    }

    [Theory]
    [InlineData("First, in terms of mechanics: our ban blocks new purchases.")]
    [InlineData("The answer is simple: no.")]
    [InlineData("12:09 P.M. EDT")]
    [InlineData("Quite a few people: more than we expected.")]
    public void OrdinaryProseIsNotALabel(string paragraph)
    {
        var match = SpeakerLabels.Match(paragraph, 0, paragraph.Length);
        Assert.True(match is null || !match.Value.IsStrong, $"'{paragraph}' was taken for a speaker label");
    }

    [Fact]
    public void UpperCaseLabelResolvesToTheFullNameInTheTitle()
    {
        var names = new List<string> { "Press Briefing", "Karine Jean-Pierre", "John Kirby" };
        Assert.Equal("Karine Jean-Pierre", SpeakerLabels.DisplayName("MS. JEAN-PIERRE", names));
        Assert.Equal("John Kirby", SpeakerLabels.DisplayName("MR. KIRBY", names));
        Assert.Equal("Mr. Sullivan", SpeakerLabels.DisplayName("MR. SULLIVAN", names));
        Assert.Equal("Question", SpeakerLabels.DisplayName("Q", names));
    }
}

public sealed class TitleNamesTests
{
    [Fact]
    public void SurnameIsResolvedFromAnywhereInTheTitle() =>
        Assert.Equal("Jen Psaki", SpeakerLabels.DisplayName("MS. PSAKI", [], "Press Gaggle by Press Secretary Jen Psaki En Route Atlanta, Georgia"));

    [Theory]
    [InlineData("Foreign Minister Sergey Lavrov’s comments and answers to media questions", "Sergey Lavrov", "Foreign Minister")]
    [InlineData("Press Briefing by Press Secretary Jen Psaki, January 20, 2021", "Jen Psaki", "Press Secretary")]
    [InlineData("Press Briefing by Press Secretary Karine Jean-Pierre and NSC Coordinator for Strategic Communications John Kirby", "John Kirby", null)]
    public void OnlyAWholeOfficeIsTakenFromTheTitle(string title, string name, string? post) =>
        Assert.Equal(post, ChatBot.Parsing.TitleNames.PostBefore(title, name));
}
