using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Tests.Infrastructure;

namespace ChatBot.Tests;

public sealed class SearchTests(LavrovCorpusFixture corpus) : IClassFixture<LavrovCorpusFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Queries => new(
        "What did Lavrov say about North Korea?",
        "fair trade free trade declaration",
        "Syria Jabhat al-Nusra moderate opposition",
        "What did Lavrov say about Ukraine in 2014?",
        "NATO expansion",
        "cyber security cooperation with the United States",
        "international terrorism",
        "reset with Trump");

    [Fact]
    public async Task ARussianWordsFirstSenseTheTranscriptsNeverUseGivesWayToOneTheyUse()
    {
        // Mueller's first sense of переговоры is "parley"; no transcript says it, so the search takes the sense they use most.
        SearchService? search = null;
        search = new SearchService(corpus.Services.Store, translator: new ChatBot.Language.RussianQueryTranslator(new ChatBot.Language.LanguageOptions(), () => search!.KnownSpeakers));
        var response = await search.SearchAsync(new SearchQuery { Query = "Что Лавров говорил о переговорах?", Limit = 5 }, Ct);
        var translation = response.Interpretation.Translation!;
        var senses = Assert.Single(translation.Ambiguous, a => a.Senses[0] == "parley").Senses;
        Assert.DoesNotContain("parley", response.Interpretation.Topic);
        var chosen = Assert.Single(senses, s => response.Interpretation.Topic.Split(' ').Contains(s));
        Assert.Contains(response.Results, r => r.Text.Contains(chosen[..4], StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["Sergey Lavrov"], response.Interpretation.Speakers!.Take(1));
    }

    [Fact]
    public async Task AskingWhatWasSaidLatelyGivesTheSameBestResultsNewestFirst()
    {
        var plain = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = "What did Lavrov say about terrorism?", Limit = 9 }, Ct);
        var lately = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = "What has Lavrov said lately about terrorism?", Limit = 9 }, Ct);

        Assert.True(lately.Interpretation.NewestFirst);
        Assert.Equal(plain.Interpretation.Topic, lately.Interpretation.Topic);
        Assert.Equal(plain.Answerable, lately.Answerable);
        var years = plain.Results.Select(r => r.Document.Year).Distinct().Count();
        Assert.True(years > 2, $"the Lavrov samples should give terrorism quotes from several years; got {years}");
        // The same quotes; the newest first, and within one date in the plain order.
        Assert.Equal(plain.Results.OrderByDescending(r => r.Document.DateTo).Select(r => (r.Document.Id, r.Start)), lately.Results.Select(r => (r.Document.Id, r.Start)));
        Assert.NotEqual(plain.Results.Select(r => r.Document.Id), lately.Results.Select(r => r.Document.Id));

        var answer = await new ChatBot.Answering.AnswerService(corpus.Services.Search).AskAsync("What has Lavrov said lately about terrorism?", cancellationToken: Ct);
        Assert.StartsWith("Sergey Lavrov on terrorism, 3 statements, newest first:", answer.Lead);
        Assert.Equal(answer.Quotes.OrderByDescending(q => q.Document.DateTo).Select(q => q.Document.Id), answer.Quotes.Select(q => q.Document.Id));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryQuoteIsTheStoredTextBetweenItsOffsets(string query)
    {
        var response = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = query, Limit = 10 }, Ct);
        Assert.NotEmpty(response.Results);
        foreach (var result in response.Results)
        {
            var document = await corpus.Services.Store.GetDocumentAsync(result.Document.Id, Ct);
            Assert.NotNull(document);
            Assert.Equal(document.Text[result.Start..result.End], result.Text);
            // And the stored text is the source file's own: the quote is found there verbatim.
            Assert.Contains(result.Text, File.ReadAllText(result.Document.Source));
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task NoJournalistsQuestionIsReturnedByDefault(string query)
    {
        var response = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = query, Limit = 20 }, Ct);
        Assert.All(response.Results, r => Assert.Equal(SpeakerRole.Principal, r.Role));
    }

    [Fact]
    public async Task WordsOnlyAJournalistSaidNeverComeBackAsTheMinisters()
    {
        // "South Koran parliament" is in a journalist's question only.
        var response = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = "peace through strength South Koran parliament", Limit = 10 }, Ct);
        Assert.DoesNotContain(response.Results, r => r.Text.Contains("South Koran parliament", StringComparison.Ordinal));
        Assert.Contains(response.Results, r => r.Question?.Contains("South Koran parliament", StringComparison.Ordinal) == true);

        var withQuestions = await corpus.Services.Search.SearchAsync(
            new SearchQuery { Query = "peace through strength South Koran parliament", Roles = [SpeakerRole.Question, SpeakerRole.Principal] }, Ct);
        var question = Assert.Single(withQuestions.Results, r => r.Text.Contains("South Koran parliament", StringComparison.Ordinal));
        Assert.Equal(SpeakerRole.Question, question.Role);
        Assert.Equal("Question", question.Speaker);
    }

    [Fact]
    public async Task NorthKoreaAnswerIsInTheTopThreeWithItsQuestionAsContext()
    {
        var response = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = "What did Lavrov say about North Korea?" }, Ct);
        Assert.Equal("North Korea", response.Interpretation.Topic);
        Assert.Contains("Sergey Lavrov", response.Interpretation.Speakers!);
        Assert.Contains("North Korea", response.Results[0].Text);
        var daNang = Assert.Single(response.Results.Take(3), r => r.Document.Place == "Da Nang");
        Assert.Contains("North Korea", daNang.Text);
        Assert.StartsWith("President Trump said in a speech", daNang.Question);
    }

    [Fact]
    public async Task ResultsNeitherRepeatNorOverlapWithinATurn()
    {
        var response = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = "United Nations Security Council", Limit = 10 }, Ct);
        Assert.True(response.Results.Count >= 5);
        Assert.Equal(response.Results.Count, response.Results.Select(r => r.Text).Distinct().Count());
        Assert.True(response.Results.Select(r => r.Document.Id).Distinct().Count() > 1);
        foreach (var a in response.Results)
        {
            foreach (var b in response.Results.Where(b => b != a && b.Document.Id == a.Document.Id && b.TurnIndex == a.TurnIndex))
                Assert.False(a.Start < b.End && b.Start < a.End, $"\"{a.Text}\" overlaps \"{b.Text}\"");
        }
    }

    [Fact]
    public async Task YearInTheQueryRestrictsResultsToThatYear()
    {
        var response = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = "What did Lavrov say about Ukraine in 2014?", Limit = 10 }, Ct);
        Assert.NotEmpty(response.Results);
        Assert.All(response.Results, r => Assert.Equal(2014, r.Document.Year));
        Assert.Equal(new DateOnly(2014, 1, 1), response.Interpretation.From);
    }

    [Fact]
    public async Task AQuestionAboutOneSpeechGetsAsManyDistinctPassagesAsAsked()
    {
        // One UN speech is one turn: the limit is filled from it, with passages that neither overlap nor touch.
        var response = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = "What did Lavrov say about terrorism at the UN General Assembly in 2004?", Limit = 5 }, Ct);
        Assert.Equal(5, response.Results.Count);
        Assert.All(response.Results, r => Assert.Equal(2004, r.Document.Year));
        var spans = response.Results.OrderBy(r => r.Start).ToList();
        for (int i = 1; i < spans.Count; i++) Assert.True(spans[i].Start >= spans[i - 1].End, "passages overlap");
    }

    [Fact]
    public async Task ADateThatNamesTheEventDoesNotFilterOutTheSpeechesAboutIt()
    {
        // Lavrov spoke of the 2015 nuclear deal in 2018 and 2019; there is no Lavrov speech of 2015.
        var response = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = "What did Lavrov say about the 2015 nuclear agreement with Iran?", Limit = 5 }, Ct);
        Assert.Null(response.Interpretation.From);
        Assert.Contains(response.Results, r => r.Document.Year is 2018 or 2019 && r.Text.Contains("Joint Comprehensive Plan of Action", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExplicitFiltersNarrowTheSearch()
    {
        var byDate = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = "Trump", From = new DateOnly(2017, 1, 1), To = new DateOnly(2017, 12, 31), Limit = 10 }, Ct);
        Assert.All(byDate.Results, r => Assert.Equal(2017, r.Document.Year));
        var bySource = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = "Trump", Source = "ungdc", Limit = 10 }, Ct);
        Assert.NotEmpty(bySource.Results);
        Assert.All(bySource.Results, r => Assert.Contains("ungdc", r.Document.Source));
        var unknown = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = "Trump", Speaker = "Blinken" }, Ct);
        Assert.Empty(unknown.Results);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyQueryIsRefusedWithAReason(string query)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => corpus.Services.Search.SearchAsync(new SearchQuery { Query = query }, Ct));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public async Task OverlongQueryIsRefusedWithItsLength()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => corpus.Services.Search.SearchAsync(new SearchQuery { Query = new string('a', 1001) }, Ct));
        Assert.Contains("1001 characters", e.Message);
    }
}
