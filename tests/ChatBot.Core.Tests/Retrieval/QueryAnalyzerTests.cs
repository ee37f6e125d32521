using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Storage;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class QueryAnalyzerTests
{
    private static readonly SpeakerDirectory s_speakers = new([
        new SpeakerSummary("Sergey Lavrov", SpeakerRole.Principal, 100, 10),
        new SpeakerSummary("Sergei Lavrov", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Sergey V. Lavrov", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Jen Psaki", SpeakerRole.Principal, 50, 5),
        new SpeakerSummary("Senior Administration Official", SpeakerRole.Principal, 5, 2),
        new SpeakerSummary("The President", SpeakerRole.Principal, 5, 2),
        new SpeakerSummary("Question", SpeakerRole.Question, 500, 20),
    ]);

    [Fact]
    public void NamedSpeakerBecomesAFilterWithAllSpellingsAndLeavesTheTopic()
    {
        var q = QueryAnalyzer.Analyze("What did Lavrov say about North Korea?", s_speakers);
        Assert.Equal("North Korea", q.Topic);
        Assert.Equal(["Sergey Lavrov", "Sergei Lavrov", "Sergey V. Lavrov"], q.Speakers);
        Assert.Null(q.From);
    }

    [Fact]
    public void FullNameAndPossessiveAreRemovedFromTheTopic()
    {
        var q = QueryAnalyzer.Analyze("Sergey Lavrov's position on NATO expansion", s_speakers);
        Assert.Equal("NATO expansion", q.Topic);
        Assert.NotNull(q.Speakers);
    }

    [Fact]
    public void PronounQuestionKeepsOnlyTheTopic()
    {
        var q = QueryAnalyzer.Analyze("What does he think about the DPRK crisis?", s_speakers);
        Assert.Equal("DPRK crisis", q.Topic);
        Assert.Null(q.Speakers);
    }

    [Theory]
    [InlineData("What did Lavrov say about Ukraine in 2014?", "2014-01-01", "2014-12-31")]
    [InlineData("Lavrov on sanctions since 2016", "2016-01-01", null)]
    [InlineData("sanctions before 2010", null, "2009-12-31")]
    [InlineData("Syria between 2012 and 2014", "2012-01-01", "2014-12-31")]
    [InlineData("What did he say in November 2017 about trade?", "2017-11-01", "2017-11-30")]
    [InlineData("comments on November 8, 2017 about trade", "2017-11-08", "2017-11-08")]
    public void DatesBecomeFiltersAndLeaveTheTopic(string query, string? from, string? to)
    {
        var q = QueryAnalyzer.Analyze(query, s_speakers);
        Assert.Equal(from is null ? null : DateOnly.Parse(from), q.From);
        Assert.Equal(to is null ? null : DateOnly.Parse(to), q.To);
        Assert.DoesNotMatch(@"\d{4}", q.Topic);
    }

    [Theory]
    [InlineData("How did Lavrov react to Washington walking away from the 2015 nuclear agreement with Tehran?", "2015")]
    [InlineData("What did Lavrov say about the 7 October 2023 attack?", "7 October 2023")]
    [InlineData("How does he judge the 2003 American-led war in Iraq?", "2003")]
    [InlineData("What did Lavrov say about the February 2014 coup in Kyiv?", "February 2014")]
    public void ADateThatNamesTheEventIsTopicNotAFilter(string query, string date)
    {
        var q = QueryAnalyzer.Analyze(query, s_speakers);
        Assert.Null(q.From);
        Assert.Null(q.To);
        Assert.Contains(date, q.Topic);
    }

    [Theory]
    [InlineData("What did Lavrov say in the 2014 speech about Crimea?", "2014-01-01")]
    [InlineData("Lavrov at the 2017 APEC meeting on trade", "2017-01-01")]
    [InlineData("What did Lavrov tell the 2022 General Assembly about Ukraine?", "2022-01-01")]
    [InlineData("What did Lavrov say about the attack in 2023?", "2023-01-01")]
    public void ADateOfTheOccasionIsStillAFilter(string query, string from)
    {
        var q = QueryAnalyzer.Analyze(query, s_speakers);
        Assert.Equal(DateOnly.Parse(from), q.From);
        Assert.DoesNotMatch(@"\d{4}", q.Topic);
    }

    [Fact]
    public void NumbersThatAreNotYearsStay()
    {
        var q = QueryAnalyzer.Analyze("resolution 71/190 on democratic order", s_speakers);
        Assert.Null(q.From);
        Assert.Contains("71", q.Topic);
    }

    [Fact]
    public void GenericWordsDoNotSelectGenericSpeakers()
    {
        var q = QueryAnalyzer.Analyze("What did the president say about the official visit?", s_speakers);
        Assert.Null(q.Speakers);
        Assert.Contains("president", q.Topic);
        Assert.Contains("official", q.Topic);
    }

    [Fact]
    public void AccordingToFramingIsNotTopic()
    {
        var q = QueryAnalyzer.Analyze("According to Psaki, what is the plan for vaccines?", s_speakers);
        Assert.Equal(["Jen Psaki"], q.Speakers);
        Assert.Equal("plan vaccines", q.Topic);
    }

    [Fact]
    public void DirectoryResolvesTypedNames()
    {
        Assert.Equal(["Jen Psaki"], s_speakers.Resolve("jen psaki"));
        Assert.Equal(3, s_speakers.Resolve("Lavrov").Count);
        Assert.Equal(["Senior Administration Official"], s_speakers.Resolve("Senior Administration Official"));
        Assert.Empty(s_speakers.Resolve("Blinken"));
    }
}

public sealed class QueryAnalyzerNameTests
{
    private static readonly SpeakerSummary[] s_summaries = [
        new SpeakerSummary("Sigmar Gabriel", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Gabriel Boric Font", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Jimmy Morales", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Evo Morales Ayma", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Ri Yong Ho", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Donald Trump", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Bruno Eduardo Rodríguez Parrilla", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Sergey Lavrov", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Sergei Lavrov", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Theresa May", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Yosiwo George", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Deanne Criswell", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Mahmoud Abbas", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Senior Administration Official Two", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Dr. Fauci", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Mark Anthony Brantley", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Brian Deese", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("President Biden", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Dr. Walensky", SpeakerRole.Principal, 10, 1),
        new SpeakerSummary("Abdullah II ibn Al Hussein", SpeakerRole.Principal, 10, 1),
    ];

    private static readonly SpeakerDirectory s_speakers = new(s_summaries);

    [Theory]
    [InlineData("How did Lavrov use George Orwell's Animal Farm in his General Assembly speech?", "Sergey Lavrov", "George")]
    [InlineData("In January 2022, which states did FEMA Administrator Deanne Criswell say would get medical teams?", "Deanne Criswell", "medical")]
    [InlineData("In his 2017 General Assembly speech, what did Mahmoud Abbas say Britain should do?", "Mahmoud Abbas", "Britain")]
    [InlineData("How did Lavrov justify the decision to recognize the two breakaway regions?", "Sergey Lavrov", "two")]
    [InlineData("Did Lavrov tell reporters in Lima there was a chance for a new reset with Trump?", "Sergey Lavrov", "Trump")]
    [InlineData("According to Theresa May, did Lavrov have any clear end goal?", "Theresa May", "Lavrov")]
    [InlineData("Asked whether Biden was pleased with the central bank, how did Brian Deese respond?", "Brian Deese", "Biden")]
    [InlineData("When Trump met Lavrov in Washington, what did Mahmoud Abbas say about the talks?", "Mahmoud Abbas", "Trump")]
    [InlineData("Which Trump speech did Deanne Criswell quote on disasters?", "Deanne Criswell", "Trump")]
    public void OnlyThePersonWhoseWordsAreAskedForIsTheSpeaker(string question, string speaker, string topicWord)
    {
        var q = QueryAnalyzer.Analyze(question, s_speakers);
        Assert.Equal(speaker, q.Speakers![0]);
        Assert.All(q.Speakers, s => Assert.StartsWith(speaker.Split(' ')[0][..4], s));
        Assert.Contains(topicWord, q.Topic);
    }

    [Fact]
    public void ASurnameThatIsACommonWordNamesItsPersonOnlyWithTheGivenName()
    {
        var q = QueryAnalyzer.Analyze("How did Theresa May propose to tie UN funding to performance?", s_speakers);
        Assert.Equal(["Theresa May"], q.Speakers);
        Assert.DoesNotContain("Theresa", q.Topic);
        Assert.Null(QueryAnalyzer.Analyze("What may Lavrov's visit change?", new SpeakerDirectory([new SpeakerSummary("Theresa May", SpeakerRole.Principal, 10, 1)])).Speakers);
    }

    [Theory]
    [InlineData("What did Gabriel Boric say about the referendum?", "Gabriel Boric Font")]
    [InlineData("What did Boric say about the referendum?", "Gabriel Boric Font")]
    [InlineData("What did Sigmar Gabriel say about Europe?", "Sigmar Gabriel")]
    [InlineData("What did Evo Morales propose for migrants?", "Evo Morales Ayma")]
    [InlineData("What did Jimmy Morales say about corruption?", "Jimmy Morales")]
    [InlineData("What did Bruno Rodríguez say about the blockade?", "Bruno Eduardo Rodríguez Parrilla")]
    [InlineData("How did Anthony Fauci describe his recovery?", "Dr. Fauci")]
    public void AFullNameChoosesThePersonWhoseNameHoldsMostOfItsWords(string question, string speaker)
    {
        var q = QueryAnalyzer.Analyze(question, s_speakers);
        Assert.Equal([speaker], q.Speakers);
        Assert.DoesNotContain(speaker.Split(' ')[^1], q.Topic);
        Assert.DoesNotContain(question.Split(' ')[2], q.Topic);
    }

    [Theory]
    [InlineData("What did Rochelle Walensky say about masks?", new[] { "Rochelle Walensky", "Dr. Walensky" })]
    [InlineData("What did Walensky say about masks?", new[] { "Dr. Walensky", "Rochelle Walensky" })]
    [InlineData("What did Boris Johnson say about Brexit?", new[] { "Boris Johnson" })]
    [InlineData("What did Carole Johnson say about testing?", new[] { "Carole Johnson" })]
    public void ATitleAndSurnameIsThePersonTheOnlyFullNameWithThatSurnameNames(string question, string[] speakers)
    {
        // Transcripts label one official "Dr. Walensky" in one briefing and introduce her in full in another; "Ms.
        // Johnson" could be either Johnson.
        var directory = new SpeakerDirectory([
            new SpeakerSummary("Dr. Walensky", SpeakerRole.Principal, 300, 30), new SpeakerSummary("Rochelle Walensky", SpeakerRole.Principal, 50, 3),
            new SpeakerSummary("Ms. Johnson", SpeakerRole.Principal, 40, 2), new SpeakerSummary("Boris Johnson", SpeakerRole.Principal, 20, 1),
            new SpeakerSummary("Carole Johnson", SpeakerRole.Principal, 10, 1)]);
        var q = QueryAnalyzer.Analyze(question, directory);
        Assert.Equal(speakers, q.Speakers);
        Assert.Equal(question.Split(' ')[^1].TrimEnd('?'), q.Topic);
    }

    [Fact]
    public void APersonNamedAfterAVerbOfRespondingIsTheTopicNotTheSpeaker()
    {
        var q = QueryAnalyzer.Analyze("How did Ri Yong Ho respond to Trump calling his leader \"rocket man\"?", s_speakers);
        Assert.Equal(["Ri Yong Ho"], q.Speakers);
        Assert.Contains("Trump", q.Topic);
        Assert.Contains("respond", q.Topic);
        Assert.Equal("respond to Trump calling his leader \"rocket man\"", q.DisplayTopic);
        Assert.Equal("Trump calling his leader \"rocket man\"", QueryAnalyzer.LeadTopic(q.DisplayTopic));
    }

    [Theory]
    [InlineData("What did Rochelle Walensky say about masks?", "Dr. Walensky", "masks")]
    [InlineData("In June 2022, how did Dr. Anthony Fauci describe his recovery?", "Dr. Fauci", "recovery")]
    [InlineData("Lavrov on Trump", "Sergey Lavrov", "Trump")]
    [InlineData("Psaki about Trump", "Jen Psaki", "Trump")]
    public void GivenNamesAndHonorificsTheStoreDoesNotSpellBelongToTheName(string question, string speaker, string topic)
    {
        var directory = new SpeakerDirectory([.. s_summaries, new SpeakerSummary("Jen Psaki", SpeakerRole.Principal, 10, 1)]);
        var q = QueryAnalyzer.Analyze(question, directory);
        Assert.Equal(speaker, q.Speakers![0]);
        Assert.DoesNotContain(q.Speakers, s => s.Contains("Trump", StringComparison.Ordinal));
        Assert.Equal(topic, q.Topic);
    }

    [Theory]
    [InlineData("What did Mahmoud Abbas say at the 2017 General Assembly about Jerusalem?", "Jerusalem")]
    [InlineData("What did Mahmoud Abbas tell the General Assembly about refugees?", "refugees")]
    [InlineData("In his General Assembly speech, what did Mahmoud Abbas say about Gaza?", "Gaza")]
    [InlineData("What did Mahmoud Abbas say about reforming the General Assembly?", "reforming General Assembly")]
    [InlineData("What has Mahmoud Abbas said recently about Gaza?", "Gaza")]
    public void WhereOrVaguelyWhenTheWordsWereSaidIsNotTheTopic(string question, string topic)
    {
        var q = QueryAnalyzer.Analyze(question, s_speakers);
        Assert.Equal(["Mahmoud Abbas"], q.Speakers);
        Assert.Equal(topic, q.Topic);
    }

    [Theory]
    [InlineData("What has Mahmoud Abbas said lately about Gaza?", "Gaza")]
    [InlineData("What is the latest Mahmoud Abbas said on refugees?", "refugees")]
    [InlineData("Mahmoud Abbas's most recent words on Jerusalem", "Jerusalem")]
    [InlineData("What has Mahmoud Abbas said recently about Gaza?", "Gaza")]
    public void AQuestionAboutRecentWordsAsksForTheNewestFirst(string question, string topic)
    {
        var q = QueryAnalyzer.Analyze(question, s_speakers);
        Assert.True(q.NewestFirst);
        Assert.Equal(["Mahmoud Abbas"], q.Speakers);
        Assert.Equal(topic, q.Topic);
        Assert.False(QueryAnalyzer.Analyze("What did Mahmoud Abbas say about Gaza?", s_speakers).NewestFirst);
    }

    [Fact]
    public void AnyMixOfNamesTitlesAndPunctuationIsReadWithoutFailing()
    {
        // What a chat user may type: names, honorifics, titles, auxiliaries, prepositions and punctuation in any order.
        string[] pieces =
        [
            "Dr.", "Anthony", "Fauci", "Rochelle", "Walensky", "Lavrov", "Trump", "Brian", "Deese", "on", "about", "did", "Which",
            "What", "say", ",", ";", ":", "—", "\"", "“", "”", "'s", "Asked", "whether", "respond", "at", "the", "General", "Assembly",
            "2017", "UN", "recently", "Mr", "according", "to", "Morales", "Jimmy", "President", "Biden", "?", "-", "Ri", "Yong", "Ho",
        ];
        var random = new Random(20261203);
        for (int i = 0; i < 3000; i++)
        {
            var question = string.Join(random.Next(4) == 0 ? "" : " ", Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var q = QueryAnalyzer.Analyze(question, s_speakers);
            Assert.NotNull(q.Topic);
            Assert.All(q.Speakers ?? [], s => Assert.Contains(s, s_summaries.Select(x => x.Name)));
        }
    }

    [Fact]
    public void AnotherGivenNameBeforeASurnameStaysTopic()
    {
        var q = QueryAnalyzer.Analyze("How does Lavrov judge the war to overthrow Saddam Hussein?", s_speakers);
        Assert.Contains("Saddam", q.Topic);
    }

    [Fact]
    public void AGivenNameAloneNamesNobody()
    {
        var q = QueryAnalyzer.Analyze("What did Gabriel say?", new SpeakerDirectory([new SpeakerSummary("Gabriel Boric Font", SpeakerRole.Principal, 10, 1)]));
        Assert.Null(q.Speakers);
    }

    [Fact]
    public void ANameWhoseWordsAreShortIsReadWhole()
    {
        var q = QueryAnalyzer.Analyze("What did Ri Yong Ho say about sanctions?", s_speakers);
        Assert.Equal(["Ri Yong Ho"], q.Speakers);
        Assert.Equal("sanctions", q.Topic);
    }

    [Fact]
    public void SurnameAloneAndOtherSpellingsFindEveryVariant()
    {
        Assert.Equal(["Sergey Lavrov", "Sergei Lavrov"], QueryAnalyzer.Analyze("What did Lavrov say about Syria?", s_speakers).Speakers);
        Assert.Equal(["Sergey Lavrov", "Sergei Lavrov"], QueryAnalyzer.Analyze("What did Sergei Lavrov say about Syria?", s_speakers).Speakers);
        Assert.Equal(["Gabriel Boric Font"], s_speakers.Resolve("Gabriel Boric"));
        Assert.Equal(["Evo Morales Ayma", "Jimmy Morales"], s_speakers.Resolve("Morales").Order());
    }
}

public sealed class QueryAnalyzerPlaceTests
{
    [Fact]
    public void PlaceOfADocumentBecomesAFilterAndLeavesTheTopic()
    {
        var q = QueryAnalyzer.Analyze("What did Lavrov say about North Korea in Da Nang?", SpeakerDirectory.Empty, ["Da Nang", "Lima", "UN General Assembly"]);
        Assert.Equal(["Da Nang"], q.Places);
        Assert.Equal("Lavrov North Korea", q.Topic);
    }

    [Fact]
    public void PlaceInsideAnotherWordIsNotMatched()
    {
        var q = QueryAnalyzer.Analyze("sanctions on Limassol banks", SpeakerDirectory.Empty, ["Lima"]);
        Assert.Null(q.Places);
    }
}

public sealed class QueryAnalyzerReadingTests
{
    private static readonly SpeakerDirectory s_speakers = new([
        new SpeakerSummary("Karine Jean-Pierre", SpeakerRole.Principal, 50, 5),
        new SpeakerSummary("Philip Joseph Pierre", SpeakerRole.Principal, 5, 1),
        new SpeakerSummary("Vladimir Putin", SpeakerRole.Principal, 5, 1),
        new SpeakerSummary("Jen Psaki", SpeakerRole.Principal, 50, 5),
    ]);

    [Fact]
    public void AFullNameChoosesItsPersonAmongThoseSharingASurname()
    {
        var q = QueryAnalyzer.Analyze("What did Karine Jean-Pierre say about the economy?", s_speakers);
        Assert.Equal(["Karine Jean-Pierre"], q.Speakers);
    }

    [Fact]
    public void QuotedWordsAreTheTopicNeverTheSpeaker()
    {
        var q = QueryAnalyzer.Analyze("Who said “Putin's price hike”?", s_speakers);
        Assert.Null(q.Speakers);
        Assert.Contains("Putin", q.Topic);
    }

    [Fact]
    public void TheUnitedStatesStaysWhole()
    {
        var q = QueryAnalyzer.Analyze("What did Psaki say about inflation in the United States?", s_speakers);
        Assert.Equal("inflation in the United States", q.DisplayTopic);
    }

    [Fact]
    public void WhatTheAnswerShouldLookLikeIsNotTheTopic()
    {
        var q = QueryAnalyzer.Analyze("Give me a quotable line from Psaki on sanctions with the date and link", s_speakers);
        Assert.Equal(["Jen Psaki"], q.Speakers);
        Assert.Equal("sanctions", q.Topic);
    }
}
