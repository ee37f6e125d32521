using System.ComponentModel;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Data;

#pragma warning disable CS0618 // TextSearchOptions and TextSearchFilter are marked obsolete in SK 1.82 (see QuoteTextSearch)
#pragma warning disable SKEXP0001 // and experimental

namespace ChatBot.SemanticKernel;

/// <summary>
/// The kernel function <c>GetTextSearchResults</c> over <see cref="QuoteTextSearch"/>, with the speaker and year
/// filters as arguments a model can set. Unlike SK 1.82's <c>CreateWithGetTextSearchResults</c>, whose function keeps
/// the count, skip and filter of its first call for every later call, each call here uses its own arguments.
/// </summary>
public sealed class QuoteSearchPlugin(QuoteTextSearch search)
{
    /// <summary>The function's name, the same as Semantic Kernel's text-search plugins use.</summary>
    public const string FunctionName = "GetTextSearchResults";

    private readonly QuoteTextSearch _search = search ?? throw new ArgumentNullException(nameof(search));

    /// <summary>Verbatim quotes for the query, each with its citation (name) and link.</summary>
    [KernelFunction(FunctionName)]
    [Description("Finds what officials said in public (press conferences, briefings, UN speeches). Each result's value is a verbatim quote, its name the citation (speaker · event, place, date), its link the transcript.")]
    public async Task<IReadOnlyList<TextSearchResult>> GetTextSearchResultsAsync(
        [Description("What to search for: a topic, or a question such as \"What did Lavrov say about North Korea?\"")] string query,
        [Description("Number of quotes")] int count = 5,
        [Description("Number of quotes to skip")] int skip = 0,
        [Description("Only quotes by this speaker (a surname is enough)")] string? speaker = null,
        [Description("Only quotes from this year")] int? year = null,
        CancellationToken cancellationToken = default)
    {
        TextSearchFilter? filter = null;
        if (!string.IsNullOrWhiteSpace(speaker)) filter = new TextSearchFilter().Equality(QuoteTextSearch.SpeakerField, speaker);
        if (year is int y) filter = (filter ?? new TextSearchFilter()).Equality(QuoteTextSearch.YearField, y);
        var results = await _search.GetTextSearchResultsAsync(query, new TextSearchOptions { Top = count, Skip = skip, Filter = filter }, cancellationToken);
        var list = new List<TextSearchResult>(count);
        await foreach (var result in results.Results.WithCancellation(cancellationToken)) list.Add(result);
        return list;
    }
}
