using ChatBot.Answering;
using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Tests.Shared;

namespace ChatBot.Core.Tests.Answering;

/// <summary>Citations built from the real title shapes of the three corpora: UN speeches, mid.ru transcripts, White House briefings.</summary>
public sealed class CitationBuilderTests
{
    private static readonly TranscriptReader s_reader = TranscriptReader.CreateDefault();

    private static string Briefings => Path.Combine(RepoPaths.Corpus, "wh-briefings", "press-briefings");

    [Fact]
    public void AUnSpeechIsCitedBySessionWithTheCountryInThePostAndLinksToTheUnPageOfTheSpeech()
    {
        var citation = Cite(Path.Combine(RepoPaths.Corpus, "ungdc", "2016", "RUS_71_2016.txt"));

        Assert.Equal("Sergey Lavrov", citation.Speaker);
        Assert.Equal("Minister for Foreign Affairs of Russia", citation.Post);
        Assert.Equal("UN General Assembly, 71st session, general debate", citation.Event);
        Assert.Equal("New York", citation.Place);
        Assert.Equal("2016", citation.DateText);
        Assert.Equal("https://gadebate.un.org/en/71/russian-federation", citation.Link);
        Assert.Equal(CitationLinkKind.Reference, citation.LinkKind);
        Assert.Equal(
            "Sergey Lavrov, Minister for Foreign Affairs of Russia · UN General Assembly, 71st session, general debate · New York, 2016 · " +
            "UN General Debate page: https://gadebate.un.org/en/71/russian-federation",
            citation.ToString());
        Assert.Equal("Sergey Lavrov, Minister for Foreign Affairs of Russia · UN General Assembly, 71st session, general debate · New York, 2016", citation.ToString(withLink: false));
    }

    [Fact]
    public void EveryLavrovSpeechNamesHimAndTheAssemblyOnceAndLinksFromThe64thSessionOn()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus, "ungdc"), "RUS_*.txt", SearchOption.AllDirectories);
        int linked = 0, lavrov = 0;
        foreach (var file in files)
        {
            var document = s_reader.Read(file);
            var turn = document.Turns[0];
            if (!turn.Speaker.Contains("Lavrov", StringComparison.Ordinal)) continue;
            lavrov++;
            var citation = CitationBuilder.For(DocumentInfo.From(document), turn.Speaker, turn.Post);
            var line = citation.ToString(withLink: false);
            Assert.Equal(1, Occurrences(line, "Lavrov"));
            Assert.Equal(1, Occurrences(line, "General Assembly"));
            Assert.Equal(1, Occurrences(line, "New York"));
            Assert.Contains(" of Russia", citation.Post, StringComparison.Ordinal);
            UnGeneralDebateParser.TryReadFileName(Path.GetFileName(file), out _, out int session, out _);
            if (session >= 64)
            {
                Assert.Equal($"https://gadebate.un.org/en/{session}/russian-federation", citation.Link);
                linked++;
            }
            else
            {
                Assert.Null(citation.Link);
            }
        }

        Assert.Equal(17, lavrov);
        Assert.Equal(12, linked);
    }

    [Theory]
    [InlineData("2017/USA_72_2017.txt", "https://gadebate.un.org/en/72/united-states-america")]
    [InlineData("2019/IRN_74_2019.txt", "https://gadebate.un.org/en/74/iran-islamic-republic")]
    [InlineData("2019/TUR_74_2019.txt", null)] // Türkiye's name on the site changed in 2022: no guessed link
    [InlineData("2008/USA_63_2008.txt", null)] // before the site's first session
    public void AUnSpeechLinksOnlyToAPageWhoseAddressIsKnown(string file, string? link) =>
        Assert.Equal(link, Cite(Path.Combine(RepoPaths.Corpus, "ungdc", file)).Link);

    [Fact]
    public void AMidRuTranscriptDropsTheSpeakerFromTheEventAndKeepsHisOfficeAsThePost()
    {
        var citation = Cite(Path.Combine(RepoPaths.Corpus, "seeds", "000_d38afe4695054730.txt"));

        Assert.Equal("Sergey Lavrov, Foreign Minister", citation.Who);
        Assert.Equal("Comments and answers to media questions on the sidelines of the APEC Ministerial Meeting", citation.Event);
        Assert.Equal("Da Nang, 8 November 2017", citation.Where);
        Assert.Equal("2017-11-08", citation.IsoDate);
        Assert.Null(citation.Link);
        Assert.Null(citation.LinkKind);
        Assert.Equal(
            "Sergey Lavrov, Foreign Minister · Comments and answers to media questions on the sidelines of the APEC Ministerial Meeting · Da Nang, 8 November 2017",
            citation.ToString());
    }

    [Fact]
    public void ABriefingByOneOfficialIsCitedAsTheBriefingWithoutHisNameOrTheDateTwice()
    {
        var citation = Cite(Path.Combine(Briefings, "2021-01", "2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021.md"), "Jen Psaki");

        Assert.Equal(
            "Jen Psaki, Press Secretary · Press Briefing · James S. Brady Press Briefing Room, 20 January 2021 · " +
            "https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2021/01/20/press-briefing-by-press-secretary-jen-psaki-january-20-2021/",
            citation.ToString());
        Assert.Equal(CitationLinkKind.Source, citation.LinkKind);
    }

    [Theory]
    [InlineData("Jen Psaki", "Press Secretary", "Press Briefing with Secretary of Energy Jennifer Granholm and Secretary of Homeland Security Alejandro Mayorkas")]
    [InlineData("Jennifer Granholm", "Secretary of Energy", "Press Briefing with Press Secretary Jen Psaki and Secretary of Homeland Security Alejandro Mayorkas")]
    [InlineData("Alejandro Mayorkas", "Secretary of Homeland Security", "Press Briefing with Press Secretary Jen Psaki and Secretary of Energy Jennifer Granholm")]
    public void ABriefingBySeveralOfficialsNamesTheOthersWhateverPlaceTheSpeakerHasInTheList(string speaker, string post, string eventName)
    {
        var citation = Cite(Path.Combine(Briefings, "2021-05",
            "2021-05-11-press-briefing-by-press-secretary-jen-psaki-secretary-of-energy-jennifer-granholm-and-secretary-of-homeland-security-alejandro-mayorkas-may-11-2021.md"), speaker);

        Assert.Equal(post, citation.Post);
        Assert.Equal(eventName, citation.Event);
    }

    [Fact]
    public void AGaggleSaysWhereOnceTheFullerWay()
    {
        var citation = Cite(Path.Combine(Briefings, "2024-10",
            "2024-10-03-press-gaggle-by-press-secretary-karine-jean-pierre-and-secretary-of-agriculture-tom-vilsack-en-route-tallahassee-fl.md"), "Tom Vilsack");

        Assert.Equal("Tom Vilsack, Secretary of Agriculture · Press Gaggle with Press Secretary Karine Jean-Pierre · Aboard Air Force One En Route Tallahassee, Florida, 3 October 2024",
            citation.ToString(withLink: false));
    }

    [Fact]
    public void NoPartOfACitationRepeatsTheSpeakerOrThePost()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Briefings), "2021-*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus, "seeds")))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus, "ungdc", "2019"), "*.txt"));
        int checkedCitations = 0;
        foreach (var file in files)
        {
            TranscriptDocument document;
            try
            {
                document = s_reader.Read(file);
            }
            catch (TranscriptFormatException)
            {
                continue;
            }

            foreach (var (speaker, post) in document.Turns.Where(t => t.Role == SpeakerRole.Principal).Select(t => (t.Speaker, t.Post)).Distinct())
            {
                var citation = CitationBuilder.For(DocumentInfo.From(document), speaker, post);
                var line = citation.ToString(withLink: false);
                Assert.True(Occurrences(line, speaker) == 1, $"{speaker} appears more than once in: {line}");
                if (citation.Post is { } p) Assert.True(Occurrences(line, p) == 1, $"{p} appears more than once in: {line}");
                Assert.False(citation.Place is { } place && citation.Event.Contains(place, StringComparison.OrdinalIgnoreCase), $"the place is said twice in: {line}");
                checkedCitations++;
            }
        }

        Assert.True(checkedCitations > 800, $"only {checkedCitations} citations were checked");
    }

    [Theory]
    [InlineData("Remarks by Foreign Minister Sergey Lavrov at a news conference", null, "Remarks at a news conference", "Foreign Minister")]
    [InlineData("Sergey Lavrov’s interview with Kommersant", "Minister of Foreign Affairs", "Interview with Kommersant", "Minister of Foreign Affairs")]
    [InlineData("Talks between Sergey Lavrov and Antony Blinken", null, "Talks between Sergey Lavrov and Antony Blinken", null)]
    [InlineData("Transcript of Foreign Minister Sergey Lavrov’s interview", null, "Transcript of Foreign Minister Sergey Lavrov’s interview", null)]
    [InlineData("Press Gaggle by Press Secretary Jen Psaki\uFFFC", "Press Secretary", "Press Gaggle", "Press Secretary")]
    [InlineData("Background Press Call by Senior Administration Officials on Venezuela", null, "Background Press Call on Venezuela", null)]
    public void ATitleLosesOnlyTheSpeakersMentionAndIsKeptWholeWhenThatCannotBeDoneSafely(string title, string? post, string eventName, string? citedPost)
    {
        var speaker = title.Contains("Psaki", StringComparison.Ordinal) ? "Jen Psaki" : title.Contains("Senior", StringComparison.Ordinal) ? "Senior Administration Official" : "Sergey Lavrov";
        var document = new DocumentInfo { Id = "d", Title = title, Source = "x.txt", Format = "mid-ru" };

        var citation = CitationBuilder.For(document, speaker, post);

        Assert.Equal(eventName, citation.Event);
        Assert.Equal(citedPost, citation.Post);
    }

    [Fact]
    public void AQuoteIsCitedFromItsSpeakerPostAndDocument()
    {
        var document = new DocumentInfo { Id = "d", Title = "Press Briefing by Press Secretary Jen Psaki, March 3rd, 2022", Date = new DateOnly(2022, 3, 3), Place = "James S. Brady Press Briefing Room", Url = "javascript:alert(1)", Source = "b.md", Format = "briefing-markdown" };
        var quote = new ChatBot.Retrieval.QuoteResult
        {
            Text = "We are watching closely.", Speaker = "Jen Psaki", Post = "Press Secretary", Role = SpeakerRole.Principal, Start = 0, End = 24, Score = 1,
            Document = document, ChunkId = Guid.Empty, TurnIndex = 0,
        };

        var citation = CitationBuilder.For(quote);

        Assert.Equal("Jen Psaki, Press Secretary · Press Briefing · James S. Brady Press Briefing Room, 3 March 2022", citation.ToString());
        Assert.Null(citation.Link); // only http(s) addresses are links
    }

    private static Citation Cite(string path, string? speaker = null)
    {
        var document = s_reader.Read(path);
        var turn = document.Turns.First(t => t.Role == SpeakerRole.Principal && (speaker is null || t.Speaker == speaker));
        return CitationBuilder.For(DocumentInfo.From(document), turn.Speaker, turn.Post);
    }

    private static int Occurrences(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
