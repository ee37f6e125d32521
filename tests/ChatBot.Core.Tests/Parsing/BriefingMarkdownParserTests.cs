using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Tests.Shared;

namespace ChatBot.Core.Tests.Parsing;

public sealed class BriefingMarkdownParserTests
{
    private static string Briefings => Path.Combine(RepoPaths.Corpus, "wh-briefings", "press-briefings");

    /// <summary>Fifty press briefings spread over the four years of the corpus.</summary>
    public static List<string> FiftyBriefings()
    {
        var all = Directory.EnumerateFiles(Briefings, "*press-briefing-by*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return Enumerable.Range(0, 50).Select(i => all[i * all.Count / 50]).ToList();
    }

    [Fact]
    public void FiftyBriefingsParseWithDateTitleLinkAndSeparatedQuestions()
    {
        var reader = TranscriptReader.CreateDefault();
        foreach (var file in FiftyBriefings())
        {
            var document = reader.Read(file);
            var name = Path.GetFileName(file);
            Assert.Equal("briefing-markdown", document.Format);
            Assert.Equal(DateOnly.Parse(name[..10]), document.Date);
            Assert.StartsWith("https://", document.Url);
            Assert.DoesNotContain("\\_", document.Title);
            Assert.Contains(document.Turns, t => t.Role == SpeakerRole.Principal);
            Assert.Contains(document.Turns, t => t.Role == SpeakerRole.Question);
            foreach (var turn in document.Turns)
            {
                var words = document.TextOf(turn);
                Assert.False(string.IsNullOrWhiteSpace(words), $"{name}: empty turn {turn.Index}");
                // A label never leaks into the words, and no turn swallows the next speaker's label.
                Assert.DoesNotMatch(@"\n\s*(Q[\s\u00A0]{2,}|[A-Z][A-Z.\- ]{2,40}:[\s\u00A0])", words);
                if (turn.Label == "Q") Assert.Equal(SpeakerRole.Question, turn.Role);
            }

            // The text is a slice of the file: offsets map back to the source.
            var source = File.ReadAllText(file);
            Assert.Equal(document.Text, source.Substring(document.TextOffset, document.Text.Length));
        }
    }

    [Fact]
    public void PsakiFirstBriefingResolvesHerNameAndCatchesTheMislabelledQuestion()
    {
        var file = Path.Combine(Briefings, "2021-01", "2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021.md");
        var document = TranscriptReader.CreateDefault().Read(file);
        Assert.Equal("Press Briefing by Press Secretary Jen Psaki, January 20, 2021", document.Title);
        Assert.Equal("James S. Brady Press Briefing Room", document.Place);
        Assert.Equal("Jen Psaki", document.Turns[0].Speaker);
        Assert.Equal("MS. PSAKI", document.Turns[0].Label);
        Assert.StartsWith("Good evening, everyone.", document.TextOf(document.Turns[0]));
        // The published transcript labels a reporter's "Jen, let me — I have a question for you" as MS. PSAKI.
        var slip = document.Turns.Single(t => document.TextOf(t).StartsWith("Jen, let me", StringComparison.Ordinal));
        Assert.Equal(SpeakerRole.Question, slip.Role);
        Assert.DoesNotContain("7:37 P.M. EST", document.Text);
    }

    [Fact]
    public void PressCallModeratorIsOtherAndTheOfficialIsPrincipal()
    {
        var file = Path.Combine(Briefings, "2022-03", "2022-03-08-background-press-call-on-announcement-of-u-s-ban-on-imports-of-russian-oil-liquefied-natural-gas-and-coal.md");
        var document = TranscriptReader.CreateDefault().Read(file);
        Assert.Equal(SpeakerRole.Other, document.Turns.First(t => t.Label == "MODERATOR").Role);
        Assert.Equal("Senior Administration Official", document.Turns.First(t => t.Label == "SENIOR ADMINISTRATION OFFICIAL").Speaker);
        Assert.Equal(SpeakerRole.Principal, document.Turns.First(t => t.Label == "SENIOR ADMINISTRATION OFFICIAL").Role);
        Assert.Equal("Via Teleconference", document.Place);
    }
}
