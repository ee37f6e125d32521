using Qdrant.Client.Grpc;

namespace ChatBot.Storage.Qdrant.Mapping;

/// <summary>Which rankings a query runs.</summary>
internal enum SearchMode
{
    Keyword,
    Vector,
    Hybrid,
}

/// <summary>
/// The queries of one search, sent in one call. <see cref="Main"/> ranks the results; a hybrid search adds
/// <see cref="DenseLeg"/>, the fused query's dense prefetch run alone for its ids and cosine scores only (Qdrant
/// reports no per-prefetch score of a fused point), so the hits the vector ranking scored carry their similarity.
/// </summary>
internal sealed record SearchPlan(QueryPoints Main, QueryPoints? DenseLeg, SearchMode Mode);

/// <summary>
/// Builds the Query API requests of a search. Text and vector: a dense and a sparse prefetch (each with the filter and
/// <c>CandidatesPerRanking</c>) fused by RRF on the server, <c>Limit</c> results. Text or vector alone: a single-leg
/// query with the filter, at most <c>min(Limit, CandidatesPerRanking)</c> results (as the embedded store, which fuses
/// one ranking of that many candidates).
/// </summary>
internal static class SearchQueryBuilder
{
    /// <summary>The plan, or null when there is nothing to search (no terms, no vector, an empty restriction, a zero limit).</summary>
    public static SearchPlan? Build(string collection, ChunkSearchRequest request, int? rrfK)
    {
        if (request.Limit <= 0 || request.CandidatesPerRanking <= 0 || ChunkFilterBuilder.MatchesNothing(request.Filter)) return null;
        var sparse = SparseEncoder.ForQuery(request.Text);
        var dense = request.Vector?.ToArray();
        if (sparse is null && dense is null) return null;

        var filter = ChunkFilterBuilder.Build(request.Filter);
        var exact = request.ExactVectorSearch ? new SearchParams { Exact = true } : null;
        ulong candidates = (ulong)request.CandidatesPerRanking;
        if (sparse is not null && dense is not null)
        {
            var fused = new QueryPoints
            {
                CollectionName = collection,
                Query = Fusion(rrfK),
                Limit = (ulong)request.Limit,
                WithPayload = new WithPayloadSelector { Enable = true },
            };
            fused.Prefetch.Add(Leg(new PrefetchQuery(), Nearest(dense), CollectionLayout.DenseVector, filter, exact, candidates));
            fused.Prefetch.Add(Leg(new PrefetchQuery(), Nearest(sparse), CollectionLayout.SparseVector, filter, null, candidates));
            var denseLeg = new QueryPoints
            {
                CollectionName = collection,
                Query = Nearest(dense),
                Using = CollectionLayout.DenseVector,
                Limit = candidates,
                WithPayload = new WithPayloadSelector { Enable = false },
            };
            if (filter is not null) denseLeg.Filter = filter;
            if (exact is not null) denseLeg.Params = exact;
            return new SearchPlan(fused, denseLeg, SearchMode.Hybrid);
        }

        var single = new QueryPoints
        {
            CollectionName = collection,
            Query = dense is not null ? Nearest(dense) : Nearest(sparse!),
            Using = dense is not null ? CollectionLayout.DenseVector : CollectionLayout.SparseVector,
            Limit = (ulong)Math.Min(request.Limit, request.CandidatesPerRanking),
            WithPayload = new WithPayloadSelector { Enable = true },
        };
        if (filter is not null) single.Filter = filter;
        if (dense is not null && exact is not null) single.Params = exact;
        return new SearchPlan(single, null, dense is not null ? SearchMode.Vector : SearchMode.Keyword);
    }

    /// <summary><c>Fusion.Rrf</c> (server default k), or a parameterised <c>Rrf { k }</c> when k is set.</summary>
    public static Query Fusion(int? rrfK) => rrfK is { } k
        ? new Query { Rrf = new Rrf { K = (uint)k } }
        : new Query { Fusion = global::Qdrant.Client.Grpc.Fusion.Rrf };

    private static PrefetchQuery Leg(PrefetchQuery leg, Query query, string vector, Filter? filter, SearchParams? parameters, ulong limit)
    {
        leg.Query = query;
        leg.Using = vector;
        leg.Limit = limit;
        if (filter is not null) leg.Filter = filter;
        if (parameters is not null) leg.Params = parameters;
        return leg;
    }

    private static Query Nearest(float[] vector) => new() { Nearest = new VectorInput { Dense = new DenseVector { Data = { vector } } } };

    private static Query Nearest(SparseVectorData vector) =>
        new() { Nearest = new VectorInput { Sparse = new SparseVector { Indices = { vector.Indices }, Values = { vector.Values } } } };
}
