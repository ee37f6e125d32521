using System.Text;
using ChatBot.Text;

namespace ChatBot.Storage.Qdrant.Mapping;

/// <summary>
/// Sparse vectors for keyword ranking. Terms come from <see cref="LexicalAnalyzer.Terms(string)"/> for documents and
/// queries alike and are hashed (32-bit FNV-1a of the UTF-8 term) to indices. A chunk's weight for a term is BM25's
/// saturated term frequency with length normalisation, <c>tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen))</c>, computed
/// for the chunk text and for its question context separately, the question's share weighted by
/// <see cref="QuestionWeight"/> (as the embedded store weights its question column). A query weighs each distinct
/// term 1. The collection's <c>idf</c> modifier multiplies by the term's inverse document frequency at query time, so
/// the dot product is the BM25 score. The average length is a fixed estimate (chunks are cut to a bounded size),
/// because a client cannot know the collection-wide average without a scan.
/// </summary>
internal static class SparseEncoder
{
    public const double K1 = 1.2;
    public const double B = 0.75;
    public const double AverageTerms = 45;
    public const double QuestionWeight = 0.3;

    /// <summary>The chunk's sparse vector, or null when it has no terms.</summary>
    public static SparseVectorData? ForDocument(string text, string? question)
    {
        var weights = new Dictionary<uint, double>();
        Accumulate(weights, LexicalAnalyzer.Terms(text), 1.0);
        if (!string.IsNullOrWhiteSpace(question)) Accumulate(weights, LexicalAnalyzer.Terms(question), QuestionWeight);
        return ToVector(weights);
    }

    /// <summary>The query's sparse vector (1 per distinct term), or null when it has no terms.</summary>
    public static SparseVectorData? ForQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var weights = new Dictionary<uint, double>();
        foreach (var term in LexicalAnalyzer.Terms(text).Distinct(StringComparer.Ordinal)) weights[Index(term)] = 1.0;
        return ToVector(weights);
    }

    /// <summary>The index of a term: 32-bit FNV-1a of its UTF-8 bytes.</summary>
    public static uint Index(string term)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(term))
        {
            hash ^= b;
            hash *= 16777619;
        }

        return hash;
    }

    private static void Accumulate(Dictionary<uint, double> weights, List<string> terms, double fieldWeight)
    {
        if (terms.Count == 0) return;
        double norm = K1 * (1 - B + B * terms.Count / AverageTerms);
        foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            int tf = group.Count();
            double weight = fieldWeight * tf * (K1 + 1) / (tf + norm);
            var index = Index(group.Key);
            weights[index] = weights.GetValueOrDefault(index) + weight;
        }
    }

    private static SparseVectorData? ToVector(Dictionary<uint, double> weights)
    {
        if (weights.Count == 0) return null;
        var ordered = weights.OrderBy(kv => kv.Key).ToList();
        return new SparseVectorData(ordered.Select(kv => kv.Key).ToArray(), ordered.Select(kv => (float)kv.Value).ToArray());
    }
}

/// <summary>A sparse vector: ascending term indices and their weights.</summary>
internal sealed record SparseVectorData(uint[] Indices, float[] Values);
