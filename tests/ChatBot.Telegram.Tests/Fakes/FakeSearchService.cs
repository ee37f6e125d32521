using System.Collections.Concurrent;
using ChatBot.Retrieval;
using ChatBot.Telegram.Tests.Support;

namespace ChatBot.Telegram.Tests.Fakes;

/// <summary>An <see cref="ISearchService"/> whose results a test sets through <see cref="OnSearch"/>.</summary>
internal sealed class FakeSearchService : ISearchService
{
    public Func<SearchQuery, CancellationToken, Task<SearchResponse>> OnSearch { get; set; } =
        (query, _) => Task.FromResult(new SearchResponse(query.Query, new QueryInterpretation(query.Query, null, null, null, false), [TestData.Quote(TestData.AnswerTurnText)]));

    public ConcurrentQueue<SearchQuery> Calls { get; } = new();

    public Task<SearchResponse> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(query);
        return OnSearch(query, cancellationToken);
    }

    public Task<QueryInterpretation> InterpretAsync(string query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new QueryInterpretation(query, null, null, null, false));
}
