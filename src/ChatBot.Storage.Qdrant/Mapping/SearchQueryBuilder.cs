using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Storage.Qdrant.Http;

namespace ChatBot.Storage.Qdrant.Mapping;

/// <summary>Which rankings a query runs.</summary>
internal enum SearchMode
{
    Keyword,
    Vector,
    Hybrid,
}

/// <summary>A query body and the rankings it runs.</summary>
internal sealed record SearchPlan(QueryBody Body, SearchMode Mode);

/// <summary>
/// Builds the one Query API request of a search. Text and vector: two prefetch legs (dense and sparse, each with the
/// filter and <c>CandidatesPerRanking</c>) fused by RRF, <c>Limit</c> results. Text or vector alone: a single-leg
/// query with the filter, at most <c>min(Limit, CandidatesPerRanking)</c> results (as the embedded store, which fuses
/// one ranking of that many candidates).
/// </summary>
internal static class SearchQueryBuilder
{
    /// <summary>The plan, or null when there is nothing to search (no terms, no vector, an empty restriction, a zero limit).</summary>
    public static SearchPlan? Build(ChunkSearchRequest request, int? rrfK)
    {
        if (request.Limit <= 0 || request.CandidatesPerRanking <= 0 || ChunkFilterBuilder.MatchesNothing(request.Filter)) return null;
        var sparse = SparseEncoder.ForQuery(request.Text);
        var dense = request.Vector?.ToArray();
        if (sparse is null && dense is null) return null;

        var filter = ChunkFilterBuilder.Build(request.Filter);
        var withPayload = JsonValue.Create(true);
        var exact = request.ExactVectorSearch ? new SearchParamsBody { Exact = true } : null;
        if (sparse is not null && dense is not null)
        {
            return new SearchPlan(new QueryBody
            {
                Prefetch =
                [
                    new PrefetchBody { Query = DenseQuery(dense), Using = CollectionLayout.DenseVector, Filter = filter, Params = exact, Limit = request.CandidatesPerRanking },
                    new PrefetchBody { Query = SparseQuery(sparse), Using = CollectionLayout.SparseVector, Filter = filter, Limit = request.CandidatesPerRanking },
                ],
                Query = FusionQuery(rrfK),
                Limit = request.Limit,
                WithPayload = withPayload,
            }, SearchMode.Hybrid);
        }

        int limit = Math.Min(request.Limit, request.CandidatesPerRanking);
        return dense is not null
            ? new SearchPlan(new QueryBody { Query = DenseQuery(dense), Using = CollectionLayout.DenseVector, Filter = filter, Params = exact, Limit = limit, WithPayload = withPayload }, SearchMode.Vector)
            : new SearchPlan(new QueryBody { Query = SparseQuery(sparse!), Using = CollectionLayout.SparseVector, Filter = filter, Limit = limit, WithPayload = withPayload }, SearchMode.Keyword);
    }

    /// <summary><c>{"fusion": "rrf"}</c> (server default k), or <c>{"rrf": {"k": k}}</c> when k is set.</summary>
    public static JsonNode FusionQuery(int? rrfK) => rrfK is { } k
        ? new JsonObject { ["rrf"] = new JsonObject { ["k"] = k } }
        : new JsonObject { ["fusion"] = "rrf" };

    private static JsonNode DenseQuery(float[] vector) => JsonSerializer.SerializeToNode(vector, QdrantJsonContext.Default.SingleArray)!;

    private static JsonNode SparseQuery(SparseVectorData vector) => JsonSerializer.SerializeToNode(vector, QdrantJsonContext.Default.SparseVectorData)!;
}
