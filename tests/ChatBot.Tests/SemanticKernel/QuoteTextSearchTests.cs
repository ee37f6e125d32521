using ChatBot.Answering;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.SemanticKernel;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Data;

// The non-generic ITextSearch surface is obsolete and experimental in Semantic Kernel 1.82 (see QuoteTextSearch).
#pragma warning disable CS0618
#pragma warning disable SKEXP0001

namespace ChatBot.Tests.SemanticKernel;

public sealed class QuoteTextSearchTests(QuoteSearchCorpusFixture corpus) : IClassFixture<QuoteSearchCorpusFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private QuoteTextSearch Search => new(corpus.Services.Search);

    /// <summary>The two ways to add the plugin: Semantic Kernel's own factory over ITextSearch, and ours.</summary>
    public static TheoryData<string> Plugins => new("CreateWithGetTextSearchResults", "AddChatBotQuoteSearch");

    [Theory]
    [MemberData(nameof(Plugins))]
    public async Task AKernelCallingThePluginGetsVerbatimCitedQuotes(string plugin)
    {
        var kernel = KernelWith(plugin);
        const string question = "What did Lavrov say about North Korea?";
        var result = await kernel.InvokeAsync(kernel.Plugins["Quotes"]["GetTextSearchResults"], new() { ["query"] = question, ["count"] = 3 }, Ct);
        var found = Results(result);

        // The same search through the bot's own results, which carry the offsets to check each quote against.
        var quotes = await QuotesAsync(question, new TextSearchOptions { Top = 3 });
        Assert.InRange(found.Count, 1, 3);
        Assert.Equal(quotes.Select(q => q.Text), found.Select(r => r.Value));
        foreach (var (item, quote) in found.Zip(quotes))
        {
            var document = await corpus.Services.Store.GetDocumentAsync(quote.Document.Id, Ct);
            Assert.NotNull(document);
            Assert.Equal(document.Text[quote.Start..quote.End], item.Value);
            Assert.Contains(item.Value, await File.ReadAllTextAsync(quote.Document.Source, Ct));
            Assert.StartsWith("Sergey Lavrov", item.Name);
            var citation = CitationBuilder.For(quote);
            Assert.Contains(citation.DateText!, item.Name);
            Assert.Equal(citation.Link, item.Link);
            if (quote.Document.Url is { } published) Assert.Equal(published, item.Link); // the published transcript comes first
        }

        Assert.Contains(found, r => r.Value.Contains("North Korea", StringComparison.Ordinal) && r.Name!.Contains("Da Nang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePluginsSpeakerAndYearArgumentsFilter()
    {
        var kernel = KernelWith("AddChatBotQuoteSearch");
        var function = kernel.Plugins["Quotes"]["GetTextSearchResults"];
        var putin = Results(await kernel.InvokeAsync(function, new() { ["query"] = "terrorism", ["count"] = 5, ["speaker"] = "Putin" }, Ct));
        Assert.NotEmpty(putin);
        Assert.All(putin, r => Assert.StartsWith("Vladimir Putin", r.Name));
        var of2016 = Results(await kernel.InvokeAsync(function, new() { ["query"] = "terrorism", ["count"] = 5, ["year"] = "2016" }, Ct));
        Assert.NotEmpty(of2016);
        Assert.All(of2016, r => Assert.EndsWith("2016", r.Name));
    }

    [Fact]
    public async Task AJournalistsQuestionIsNeverReturnedAsAQuote()
    {
        // These words are in a journalist's question in the samples, and nowhere in the minister's answers.
        const string words = "peace through strength South Koran parliament";
        var questions = await corpus.Services.Search.SearchAsync(new SearchQuery { Query = words, Roles = [SpeakerRole.Question] }, Ct);
        Assert.Contains(questions.Results, q => q.Text.Contains("South Koran parliament", StringComparison.Ordinal));

        var kernel = KernelWith("AddChatBotQuoteSearch");
        var result = await kernel.InvokeAsync(kernel.Plugins["Quotes"]["GetTextSearchResults"], new() { ["query"] = words, ["count"] = 10 }, Ct);
        var found = Results(result);
        Assert.NotEmpty(found);
        Assert.DoesNotContain(found, r => r.Value.Contains("South Koran parliament", StringComparison.Ordinal));
        Assert.DoesNotContain(found, r => r.Name!.StartsWith("Question", StringComparison.Ordinal));
        Assert.All(await QuotesAsync(words, new TextSearchOptions { Top = 10 }), q => Assert.Equal(SpeakerRole.Principal, q.Role));
    }

    [Fact]
    public async Task EachCallOfThePluginUsesItsOwnCount()
    {
        // SK 1.82's CreateWithGetTextSearchResults keeps its first call's count for every later call; ours does not.
        var kernel = KernelWith("AddChatBotQuoteSearch");
        var function = kernel.Plugins["Quotes"]["GetTextSearchResults"];
        var one = await kernel.InvokeAsync(function, new() { ["query"] = "terrorism", ["count"] = 1 }, Ct);
        var three = await kernel.InvokeAsync(function, new() { ["query"] = "terrorism", ["count"] = 3 }, Ct);
        Assert.Single(Results(one));
        Assert.Equal(3, Results(three).Count());
    }

    [Fact]
    public async Task TopAndSkipPageThroughTheSameRanking()
    {
        var firstFour = await TextResultsAsync("United Nations Security Council", new TextSearchOptions { Top = 4 });
        var secondPage = await TextResultsAsync("United Nations Security Council", new TextSearchOptions { Top = 2, Skip = 2 });
        Assert.Equal(4, firstFour.Count);
        Assert.Equal(firstFour.Skip(2).Select(r => r.Value), secondPage.Select(r => r.Value));
    }

    [Fact]
    public async Task SpeakerAndYearFiltersRestrictTheQuotes()
    {
        var putin = await QuotesAsync("terrorism", new TextSearchOptions { Top = 10, Filter = new TextSearchFilter().Equality(QuoteTextSearch.SpeakerField, "Putin") });
        Assert.NotEmpty(putin);
        Assert.All(putin, q => Assert.Contains("Putin", q.Speaker));

        var of2016 = await QuotesAsync("terrorism", new TextSearchOptions { Top = 10, Filter = new TextSearchFilter().Equality(QuoteTextSearch.YearField, 2016) });
        Assert.NotEmpty(of2016);
        Assert.All(of2016, q => Assert.Equal(2016, q.Document.Year));

        var unfiltered = await QuotesAsync("terrorism", new TextSearchOptions { Top = 10 });
        Assert.Contains(unfiltered, q => !q.Speaker.Contains("Putin", StringComparison.Ordinal));
        Assert.Contains(unfiltered, q => q.Document.Year != 2016);
    }

    [Fact]
    public async Task BadOptionsAreRefusedSayingWhy()
    {
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => Search.GetTextSearchResultsAsync("terrorism",
            new TextSearchOptions { Filter = new TextSearchFilter().Equality("country", "RUS") }, Ct));
        Assert.Contains("speaker", unknown.Message);
        var badYear = await Assert.ThrowsAsync<ArgumentException>(() => Search.GetTextSearchResultsAsync("terrorism",
            new TextSearchOptions { Filter = new TextSearchFilter().Equality(QuoteTextSearch.YearField, "last year") }, Ct));
        Assert.Contains("last year", badYear.Message);
        var tooMany = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Search.GetTextSearchResultsAsync("terrorism",
            new TextSearchOptions { Top = 40, Skip = 20 }, Ct));
        Assert.Contains($"{SearchQuery.MaxLimit}", tooMany.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => Search.SearchAsync("  ", null, Ct));
    }

    [Fact]
    public async Task StringResultsAreTheQuoteThenItsCitation()
    {
        var strings = await (await Search.SearchAsync("North Korea", new TextSearchOptions { Top = 3 }, Ct)).Results.ToListAsync(Ct);
        var quotes = await QuotesAsync("North Korea", new TextSearchOptions { Top = 3 });
        Assert.Equal(quotes.Count, strings.Count);
        foreach (var (text, quote) in strings.Zip(quotes))
        {
            Assert.Equal($"{quote.Text}\n— {CitationBuilder.For(quote)}", text);
        }
    }

    private Kernel KernelWith(string plugin)
    {
        var builder = Kernel.CreateBuilder();
        if (plugin == "AddChatBotQuoteSearch") builder.AddChatBotQuoteSearch(corpus.Services.Search);
        else builder.Plugins.Add(new QuoteTextSearch(corpus.Services.Search).CreateWithGetTextSearchResults("Quotes"));
        return builder.Build();
    }

    private static List<TextSearchResult> Results(FunctionResult result) =>
        Assert.IsAssignableFrom<IEnumerable<TextSearchResult>>(result.GetValue<object>()).ToList();

    private async Task<List<QuoteResult>> QuotesAsync(string query, TextSearchOptions options)
    {
        var results = await Search.GetSearchResultsAsync(query, options, Ct);
        return (await results.Results.ToListAsync(Ct)).Cast<QuoteResult>().ToList();
    }

    private async Task<List<TextSearchResult>> TextResultsAsync(string query, TextSearchOptions options) =>
        await (await Search.GetTextSearchResultsAsync(query, options, Ct)).Results.ToListAsync(Ct);
}
