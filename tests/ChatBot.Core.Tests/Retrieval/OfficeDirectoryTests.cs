using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Storage;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class OfficeDirectoryTests
{
    private static readonly SpeakerDirectory s_speakers = new([
        new SpeakerSummary("Sergey Lavrov", SpeakerRole.Principal, 100, 10),
        new SpeakerSummary("Igor Ivanov", SpeakerRole.Principal, 10, 2),
        new SpeakerSummary("Vladimir Putin", SpeakerRole.Principal, 10, 2),
        new SpeakerSummary("Wang Yi", SpeakerRole.Principal, 10, 2),
        new SpeakerSummary("Vladimir Makei", SpeakerRole.Principal, 10, 2),
        new SpeakerSummary("Juan Manuel Santos Calderón", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Hassan Rouhani", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Paul Richard Gallagher", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Vitaly Churkin", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Jen Psaki", SpeakerRole.Principal, 10, 2),
        new SpeakerSummary("Cecilia Rouse", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Jake Sullivan", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Ashish Jha", SpeakerRole.Principal, 10, 1),
    ]);

    private const string WhiteHouse = "https://www.whitehouse.gov/briefing-room/press-briefings/2022/03/04/x/";

    private static readonly OfficeDirectory s_offices = OfficeDirectory.From(
    [
        Doc("Statement by Sergey Lavrov, Minister for Foreign Affairs of Russia, general debate of the 72nd session of the UN General Assembly"),
        Doc("Statement by Igor Ivanov, Minister for Foreign Affairs of Russian Federation, general debate of the 55th session of the UN General Assembly"),
        Doc("Statement by Vladimir Putin, President of Russian Federation, general debate of the 70th session of the UN General Assembly"),
        Doc("Statement by Wang Yi, State Councillor and Minister for Foreign Affairs of People’s Republic of China, general debate of the 74th session"),
        Doc("Statement by Vladimir Makei, Minister for Foreign Affairs of Belarus, general debate of the 75th session of the UN General Assembly"),
        Doc("Statement by Juan Manuel Santos Calderón, President of Colombia, general debate of the 72nd session of the UN General Assembly"),
        Doc("Statement by Hassan Rouhani, President of Iran (Islamic Republic of), general debate of the 72nd session of the UN General Assembly"),
        Doc("Statement by Paul Richard Gallagher, Secretary for Relations with States of Holy See, general debate of the 72nd session"),
        Doc("Statement by Vitaly Churkin, UN Representative of Russia, general debate of the 71st session of the UN General Assembly"),
        Doc("Foreign Minister Sergey Lavrov’s answers to media questions on the sidelines of the APEC Ministerial Meeting"),
        Doc("Press Briefing by Press Secretary Jen Psaki and Chair of the Council of Economic Advisers Cecilia Rouse, March 4, 2022", WhiteHouse),
        Doc("Press Briefing by Press Secretary Jen Psaki and National Security Advisor Jake Sullivan, March 21, 2022", WhiteHouse),
        Doc("Press Briefing by Press Secretary Jen Psaki, Members of BTS, and National Security Advisor Jake Sullivan, May 31, 2022", WhiteHouse),
        // As whitehouse.gov writes it: a word joiner (U+2060) after the hyphen of "COVID-19".
        Doc("Press Briefing by Press Secretary Jen Psaki and White House COVID-\u206019 Response Coordinator Dr. Ashish Jha", WhiteHouse),
    ], s_speakers);

    [Theory]
    [InlineData("How does Russia's foreign minister see NATO?", "Russia's foreign minister")]
    [InlineData("What did the Russian foreign minister say about Syria?", "Russian foreign minister")]
    [InlineData("What did Moscow’s top diplomat say about Kosovo?", "Moscow’s top diplomat")]
    [InlineData("the Russian Federation's minister of foreign affairs on sanctions", "Russian Federation's minister of foreign affairs")]
    public void ACountrysForeignMinisterIsEveryoneTheTitlesNameAsSuch(string query, string phrase)
    {
        var found = Assert.Single(s_offices.Find(query));
        Assert.Equal(["Sergey Lavrov", "Igor Ivanov"], found.Names);
        Assert.Equal(phrase, query.Substring(found.Index, found.Length));
    }

    [Theory]
    [InlineData("What did the Russian president say about Syria?", "Vladimir Putin")]
    [InlineData("What did China's foreign minister say?", "Wang Yi")]
    [InlineData("Belarus's foreign minister on the West", "Vladimir Makei")]
    [InlineData("What did Colombia's president say about the FARC?", "Juan Manuel Santos Calderón")]
    [InlineData("What did the Colombian president say about peace?", "Juan Manuel Santos Calderón")]
    [InlineData("What did the president of Iran say about missiles?", "Hassan Rouhani")]
    [InlineData("How did Russia's permanent representative to the United Nations describe the blockade?", "Vitaly Churkin")]
    [InlineData("What did the White House press secretary say about inflation?", "Jen Psaki")]
    [InlineData("What did the chair of the White House Council of Economic Advisors say about jobs?", "Cecilia Rouse")]
    [InlineData("According to the White House national security adviser, what did Russia want?", "Jake Sullivan")]
    [InlineData("What did the White House COVID-19 response coordinator say about boosters?", "Ashish Jha")]
    [InlineData("What did the Vatican's foreign minister say about disarmament?", "Paul Richard Gallagher")]
    public void AnOfficeNamesWhoHeldItWhateverTheWording(string query, string name)
    {
        Assert.Equal([name], Assert.Single(s_offices.Find(query)).Names);
    }

    [Theory]
    [InlineData("What did the French foreign minister say?")] // no title names one
    [InlineData("What did Russia's press secretary say?")] // the only press secretary is the White House's
    [InlineData("What did the ambassador say?")]
    [InlineData("What did the members say?")] // "Members of BTS" is no one's post
    public void AnOfficeNoTitleNamesResolvesToNobody(string query)
    {
        Assert.Empty(s_offices.Find(query));
    }

    [Fact]
    public void TheOfficeBecomesASpeakerFilterAndLeavesTheTopic()
    {
        var q = QueryAnalyzer.Analyze("How does Russia's foreign minister think the standoff over the DPRK's weapons should be defused?", s_speakers, offices: s_offices);
        Assert.Equal(["Sergey Lavrov", "Igor Ivanov"], q.Speakers);
        Assert.Equal("standoff DPRK's weapons defused", q.Topic);

        var unknown = QueryAnalyzer.Analyze("What did the French foreign minister say about Mali?", s_speakers, offices: s_offices);
        Assert.Null(unknown.Speakers);
        Assert.Contains("foreign minister", unknown.Topic);
    }

    [Fact]
    public void AnOfficeOrNameInTheTopicIsNotASpeakerFilter()
    {
        var q = QueryAnalyzer.Analyze("What did Lavrov say about the Russian president's first address?", s_speakers, offices: s_offices);
        Assert.Equal(["Sergey Lavrov"], q.Speakers);
        Assert.Contains("president", q.Topic);

        var named = QueryAnalyzer.Analyze("What did Psaki say about Putin's threats?", s_speakers, offices: s_offices);
        Assert.Equal(["Jen Psaki"], named.Speakers);
        Assert.Contains("Putin", named.Topic);
    }

    [Theory]
    [InlineData("What did the White House press secretary, Jen Psaki, say about inflation?")]
    [InlineData("What did Russia's foreign minister Igor Ivanov say about NATO?")]
    public void AnOfficeRightBeforeANameIsThatPersonsTitle(string query)
    {
        var q = QueryAnalyzer.Analyze(query, s_speakers, offices: s_offices);
        var named = query.Contains("Psaki", StringComparison.Ordinal) ? "Jen Psaki" : "Igor Ivanov";
        Assert.Equal([named], q.Speakers);
        Assert.DoesNotContain("secretary", q.Topic, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("minister", q.Topic, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("When the framework was launched, what did the U.S. Trade Representative say about the TPP?", "Katherine Tai")]
    [InlineData("What did the Commerce Secretary say about chips?", "Gina Raimondo")]
    [InlineData("What did the Secretary of Commerce say about chips?", "Gina Raimondo")]
    public void APostTheTranscriptsIntroduceNamesItsHolder(string query, string name)
    {
        // No title names them; the moderator introduces "Secretary of Commerce Gina Raimondo, and U.S. Trade Representative
        // Katherine Tai", and their turns carry those posts.
        var call = Doc("On-the-Record Press Call on the Launch of the Indo-Pacific Economic Framework", WhiteHouse);
        var summaries = new List<SpeakerSummary>
        {
            new("Katherine Tai", SpeakerRole.Principal, 40, 2) { Posts = [new SpeakerPost("U.S. Trade Representative", call.Id)] },
            new("Gina Raimondo", SpeakerRole.Principal, 30, 1) { Posts = [new SpeakerPost("Secretary of Commerce", call.Id)] },
            new("Question", SpeakerRole.Question, 30, 1) { Posts = [new SpeakerPost("Secretary of Commerce", call.Id)] },
        };
        var offices = OfficeDirectory.From([call], new SpeakerDirectory(summaries), summaries);
        Assert.Equal([name], Assert.Single(offices.Find(query)).Names);
        Assert.Empty(OfficeDirectory.From([call], new SpeakerDirectory(summaries)).Find(query));
        // The post is the United States' (the site's): another country's trade representative is someone else.
        Assert.Empty(offices.Find("What did China's trade representative say?"));
    }

    private static DocumentInfo Doc(string title, string? url = null) =>
        new() { Id = title.GetHashCode().ToString("x"), Title = title, Source = "x.txt", Format = "test", Url = url };
}
