using ChatBot.Retrieval;

namespace ChatBot.Api.Contracts;

/// <summary>Result of a search: the quotes, and how the query was read.</summary>
public sealed record SearchResponseDto(string Query, IReadOnlyList<QuoteDto> Results, InterpretationDto Interpretation)
{
    /// <summary>Maps a search response.</summary>
    public static SearchResponseDto Of(SearchResponse r) => new(r.Query, r.Results.Select(QuoteDto.Of).ToList(), InterpretationDto.Of(r.Interpretation));
}
