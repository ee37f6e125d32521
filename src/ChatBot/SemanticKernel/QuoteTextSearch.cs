using System.Globalization;
using System.Text.Json;
using ChatBot.Answering;
using ChatBot.Retrieval;
using Microsoft.Extensions.VectorData;
using Microsoft.SemanticKernel.Data;

// Semantic Kernel 1.82 marks the non-generic ITextSearch, TextSearchOptions, TextSearchFilter and FilterClause
// obsolete in favour of ITextSearch<TRecord>, yet its plugin factories (CreateWithGetTextSearchResults and the
// like) accept only ITextSearch; TextSearchFilter is also experimental. Both diagnostics are silenced for this
// file only.
#pragma warning disable CS0618
#pragma warning disable SKEXP0001

namespace ChatBot.SemanticKernel;

/// <summary>
/// The bot's quote search as Semantic Kernel's text search, so an SK application or agent can use it as a plugin
/// (<c>kernel.Plugins.Add(quoteSearch.CreateWithGetTextSearchResults("Quotes"))</c>). A result's value is the quote,
/// verbatim; its name is the citation (<see cref="CitationBuilder"/>: "Sergey Lavrov, Minister for Foreign Affairs of
/// Russia · UN General Assembly, 71st session, general debate · New York, 2016"); its link the published transcript,
/// or the UN's page of a General Debate speech, when known.
/// Journalists' questions are never results. Thread-safe.
/// </summary>
/// <remarks>
/// <see cref="TextSearchOptions.Top"/> and <see cref="TextSearchOptions.Skip"/> page through at most
/// <see cref="SearchQuery.MaxLimit"/> quotes. <see cref="TextSearchOptions.Filter"/> takes equality clauses on
/// <see cref="SpeakerField"/> and <see cref="YearField"/>. A speaker or dates named in the query text filter too,
/// as in the bot's own search.
/// </remarks>
public sealed class QuoteTextSearch(ISearchService search) : ITextSearch
{
    /// <summary>The filter field that restricts results to one speaker, matched by word ("Lavrov").</summary>
    public const string SpeakerField = "speaker";

    /// <summary>The filter field that restricts results to statements of one year (a number such as 2016).</summary>
    public const string YearField = "year";

    private readonly ISearchService _search = search ?? throw new ArgumentNullException(nameof(search));

    /// <summary>Each quote followed by its citation and link on a second line ("— Sergey Lavrov, ...").</summary>
    public async Task<KernelSearchResults<string>> SearchAsync(string query, TextSearchOptions? searchOptions = null, CancellationToken cancellationToken = default)
    {
        var quotes = await FindAsync(query, searchOptions, cancellationToken);
        return new KernelSearchResults<string>(quotes.Select(q => $"{q.Text}\n— {CitationBuilder.For(q)}").ToAsyncEnumerable());
    }

    /// <summary>Name = citation, Value = the verbatim quote, Link = the citation's link when there is one.</summary>
    public async Task<KernelSearchResults<TextSearchResult>> GetTextSearchResultsAsync(string query, TextSearchOptions? searchOptions = null, CancellationToken cancellationToken = default)
    {
        var quotes = await FindAsync(query, searchOptions, cancellationToken);
        return new KernelSearchResults<TextSearchResult>(quotes.Select(ToTextSearchResult).ToAsyncEnumerable());
    }

    /// <summary>The bot's own results (<see cref="QuoteResult"/>: quote, offsets, speaker, document).</summary>
    public async Task<KernelSearchResults<object>> GetSearchResultsAsync(string query, TextSearchOptions? searchOptions = null, CancellationToken cancellationToken = default)
    {
        var quotes = await FindAsync(query, searchOptions, cancellationToken);
        return new KernelSearchResults<object>(quotes.Select(q => (object)q).ToAsyncEnumerable());
    }

    /// <summary>A quote as Semantic Kernel's normalised result.</summary>
    public static TextSearchResult ToTextSearchResult(QuoteResult quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var citation = CitationBuilder.For(quote);
        return new TextSearchResult(quote.Text) { Name = citation.ToString(withLink: false), Link = citation.Link };
    }

    /// <summary>The page of quotes the options ask for.</summary>
    /// <exception cref="ArgumentException">Empty or over-long query, Top or Skip out of range, or a filter on an unknown field.</exception>
    private async Task<List<QuoteResult>> FindAsync(string query, TextSearchOptions? options, CancellationToken cancellationToken)
    {
        SearchQuery.CheckText(query, "query", nameof(query));
        options ??= new TextSearchOptions();
        if (options.Top < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Top, "Top must be at least 1.");
        if (options.Skip < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Skip, "Skip must not be negative.");
        if (options.Skip + options.Top > SearchQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Skip + options.Top,
                $"Skip + Top is {options.Skip + options.Top}; the search pages through at most {SearchQuery.MaxLimit} quotes.");
        }

        var request = ApplyFilter(new SearchQuery { Query = query, Limit = options.Skip + options.Top }, options.Filter);
        var response = await _search.SearchAsync(request, cancellationToken);
        return response.Results.Skip(options.Skip).Take(options.Top).ToList();
    }

    private static SearchQuery ApplyFilter(SearchQuery query, TextSearchFilter? filter)
    {
        if (filter is null) return query;
        foreach (var clause in filter.FilterClauses)
        {
            if (clause is not EqualToFilterClause equal)
                throw new ArgumentException($"Only equality filters are supported ({SpeakerField}, {YearField}), not {clause.GetType().Name}.", nameof(filter));
            query = equal.FieldName switch
            {
                SpeakerField => query with { Speaker = Text(equal.Value) ?? throw new ArgumentException("The speaker filter is empty.", nameof(filter)) },
                YearField when Year(equal.Value) is int year => query with { From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31) },
                YearField => throw new ArgumentException($"The year filter must be a year such as 2016, not '{equal.Value}'.", nameof(filter)),
                _ => throw new ArgumentException($"Cannot filter on '{equal.FieldName}': the fields are {SpeakerField} and {YearField}.", nameof(filter)),
            };
        }

        return query;
    }

    private static string? Text(object? value) => (value is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : value?.ToString()) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static int? Year(object? value)
    {
        int? year = value switch
        {
            int i => i,
            long l when l is >= 1 and <= 9999 => (int)l,
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var n) => n,
            _ => int.TryParse(Text(value), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        };
        return year is >= 1 and <= 9999 ? year : null;
    }
}
