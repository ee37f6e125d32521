using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Storage;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class OfficeHoldersTests
{
    private static readonly SpeakerDirectory s_speakers = new([
        new SpeakerSummary("Sergey Lavrov", SpeakerRole.Principal, 100, 10),
        new SpeakerSummary("Igor Ivanov", SpeakerRole.Principal, 10, 2),
        new SpeakerSummary("Vladimir Putin", SpeakerRole.Principal, 10, 2),
        new SpeakerSummary("Wang Yi", SpeakerRole.Principal, 10, 2),
        new SpeakerSummary("Vladimir Makei", SpeakerRole.Principal, 10, 2),
        new SpeakerSummary("Jen Psaki", SpeakerRole.Principal, 10, 2),
    ]);

    private static readonly OfficeHolders s_offices = OfficeHolders.FromTitles(
    [
        Doc("Statement by Sergey Lavrov, Minister for Foreign Affairs of Russia, general debate of the 72nd session of the UN General Assembly"),
        Doc("Statement by Igor Ivanov, Minister for Foreign Affairs of Russian Federation, general debate of the 55th session of the UN General Assembly"),
        Doc("Statement by Vladimir Putin, President of Russian Federation, general debate of the 70th session of the UN General Assembly"),
        Doc("Statement by Wang Yi, State Councillor and Minister for Foreign Affairs of People’s Republic of China, general debate of the 74th session"),
        Doc("Statement by Vladimir Makei, Minister for Foreign Affairs of Belarus, general debate of the 75th session of the UN General Assembly"),
        Doc("Foreign Minister Sergey Lavrov’s answers to media questions on the sidelines of the APEC Ministerial Meeting"),
        Doc("Press Briefing by Press Secretary Jen Psaki, January 20, 2021"),
    ], s_speakers);

    [Theory]
    [InlineData("How does Russia's foreign minister see NATO?", "Russia's foreign minister")]
    [InlineData("What did the Russian foreign minister say about Syria?", "the Russian foreign minister")]
    [InlineData("What did Moscow’s top diplomat say about Kosovo?", "Moscow’s top diplomat")]
    [InlineData("the Russian Federation's minister of foreign affairs on sanctions", "the Russian Federation's minister of foreign affairs")]
    public void ACountrysForeignMinisterIsEveryoneTheTitlesNameAsSuch(string query, string phrase)
    {
        var found = s_offices.Find(query);
        Assert.NotNull(found);
        Assert.Equal(["Sergey Lavrov", "Igor Ivanov"], found.Value.Names);
        Assert.Equal(phrase, query.Substring(found.Value.Index, found.Value.Length));
    }

    [Fact]
    public void OfficesAndCountriesAreNotMixedUp()
    {
        Assert.Equal(["Vladimir Putin"], s_offices.Find("What did the Russian president say about Syria?")!.Value.Names);
        Assert.Equal(["Wang Yi"], s_offices.Find("What did China's foreign minister say?")!.Value.Names);
        Assert.Equal(["Vladimir Makei"], s_offices.Find("Belarus's foreign minister on the West")!.Value.Names);
        Assert.Null(s_offices.Find("What did the French foreign minister say?")); // no title names one
        Assert.Null(s_offices.Find("What did the foreign minister say?")); // which country?
        Assert.Null(s_offices.Find("What did the White House press secretary say?"));
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

    private static DocumentInfo Doc(string title) => new() { Id = title.GetHashCode().ToString("x"), Title = title, Source = "x.txt", Format = "test" };
}
