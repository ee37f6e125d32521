namespace ChatBot.Retrieval;

/// <summary>Finds verbatim quotes for a query. Thread-safe.</summary>
public interface ISearchService
{
    /// <summary>Searches the store.</summary>
    /// <exception cref="ArgumentException">The query is empty or too long, or the limit is out of range.</exception>
    Task<SearchResponse> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>How a query would be read (speakers, dates, topic), without searching.</summary>
    Task<QueryInterpretation> InterpretAsync(string query, CancellationToken cancellationToken = default);
}
