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
    public void ALabelGivingOnlyASurnameTakesTheNameAndPostTheModeratorIntroduced()
    {
        // "Joining us for this briefing, we have National Security Advisor Jake Sullivan, Secretary of Commerce Gina
        // Raimondo, and U.S. Trade Representative Katherine Tai." The title names nobody; the labels are MR. SULLIVAN,
        // SECRETARY RAIMONDO and AMBASSADOR TAI, and the mention nearest to Tai's first turn is "Ambassador Katherine Tai".
        var file = Path.Combine(Briefings, "2022-05", "2022-05-23-on-the-record-press-call-on-the-launch-of-the-indo-pacific-economic-framework.md");
        var document = TranscriptReader.CreateDefault().Read(file);
        Turn First(string label) => document.Turns.First(t => t.Label == label);
        Assert.Equal(("Jake Sullivan", "National Security Advisor"), (First("MR. SULLIVAN").Speaker, First("MR. SULLIVAN").Post));
        Assert.Equal(("Gina Raimondo", "Secretary of Commerce"), (First("SECRETARY RAIMONDO").Speaker, First("SECRETARY RAIMONDO").Post));
        Assert.Equal(("Katherine Tai", "U.S. Trade Representative"), (First("AMBASSADOR TAI").Speaker, First("AMBASSADOR TAI").Post));
        Assert.All(document.Turns.Where(t => t.Label == "AMBASSADOR TAI"), t => Assert.Equal("Katherine Tai", t.Speaker));
    }

    [Theory]
    [InlineData("Thanks to Doctors Fauci and Walensky for joining.", "Dr. Fauci", null)]
    [InlineData("I will turn it over to Dr. Fauci.", "Dr. Fauci", null)]
    [InlineData("Joining us is Chief Medical Advisor to the President Dr. Anthony Fauci.", "Anthony Fauci", null)]
    [InlineData("Joining us is the President's Chief Medical Advisor, Anthony Fauci.", "Anthony Fauci", null)]
    [InlineData("Here is White House COVID-19 Response Coordinator Jeff Zients.", "Dr. Fauci", null)]
    [InlineData("Thanks. Deputy National Security Advisor Anthony Fauci will speak.", "Anthony Fauci", "Deputy National Security Advisor")]
    public void OnlyAGivenNameBeforeTheSurnameCompletesTheName(string introduction, string speaker, string? post)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("2022-01-05-press-briefing.md",
            "---\ndate: '2022-01-05'\nsource_url: https://example.org/b\ntitle: Press Briefing by the COVID-19 Response Team\n---\n\n"
            + $"MR. ZIENTS:  Good morning. {introduction}\n\nDR. FAUCI:  Thank you very much. Omicron spreads fast.\n\n"
            + "Q    A question about boosters?\n\nDR. FAUCI:  Boosters restore protection.\n");
        var document = TranscriptReader.CreateDefault().Read(path);
        var turns = document.Turns.Where(t => t.Label == "DR. FAUCI").ToList();
        Assert.Equal(2, turns.Count);
        Assert.All(turns, t => Assert.Equal((speaker, post), (t.Speaker, t.Post)));
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
