using ChatBot.Model;

namespace ChatBot.Storage;

/// <summary>A chunk ready to store: its vector is unit length, or null when no embedder is configured.</summary>
public sealed record IndexedChunk(Chunk Chunk, ReadOnlyMemory<float>? Vector);

/// <summary>What the store knows of a stored document's version.</summary>
/// <param name="Version">Content hash of the source file when it was ingested.</param>
/// <param name="IndexSignature">Chunking and embedding settings it was indexed with.</param>
public sealed record StoredDocumentState(string Version, string IndexSignature);

/// <summary>A distinct speaker in the store.</summary>
public sealed record SpeakerSummary(string Name, SpeakerRole Role, int Chunks, int Documents)
{
    /// <summary>The posts the speaker's turns carry ("U.S. Trade Representative"), each with one document that gives it.</summary>
    public IReadOnlyList<SpeakerPost> Posts { get; init; } = [];

    /// <summary>Equal when every member is, the posts compared in order.</summary>
    public bool Equals(SpeakerSummary? other) =>
        other is not null && Name == other.Name && Role == other.Role && Chunks == other.Chunks && Documents == other.Documents && Posts.SequenceEqual(other.Posts);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Role, Chunks, Documents, Posts.Count);
}

/// <summary>A post a speaker's turns carry, and one document where they do (whose site tells the government).</summary>
public sealed record SpeakerPost(string Post, string DocumentId);

/// <summary>Size and span of the store.</summary>
public sealed record StoreStatistics(int Documents, int Chunks, int Speakers, DateOnly? From, DateOnly? To, int? VectorDimensions, long? SizeBytes);

/// <summary>Restrictions on the chunks a search may return. Null members do not restrict.</summary>
public sealed record ChunkFilter
{
    /// <summary>Exact speaker names (resolved from what the user typed by the caller).</summary>
    public IReadOnlyCollection<string>? Speakers { get; init; }

    /// <summary>Allowed roles.</summary>
    public IReadOnlyCollection<SpeakerRole>? Roles { get; init; }

    /// <summary>Earliest date (inclusive); a document known only by year matches if its year overlaps.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Latest date (inclusive).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Allowed document ids.</summary>
    public IReadOnlyCollection<string>? DocumentIds { get; init; }
}

/// <summary>A search of the chunk index.</summary>
public sealed record ChunkSearchRequest
{
    /// <summary>Keywords for BM25 ranking, or null for vector-only search.</summary>
    public string? Text { get; init; }

    /// <summary>Unit-length query vector, or null for keyword-only search.</summary>
    public ReadOnlyMemory<float>? Vector { get; init; }

    /// <summary>Restrictions.</summary>
    public ChunkFilter Filter { get; init; } = new();

    /// <summary>How many fused results to return.</summary>
    public int Limit { get; init; } = 20;

    /// <summary>
    /// How many of the keywords' distinct terms a keyword hit must hold ("minimum should match"), or null for any.
    /// A store may apply it in its index; callers still check it, since stores stem words differently.
    /// </summary>
    public int? MinimumTermsMatched { get; init; }

    /// <summary>How many candidates each ranking contributes to the fusion.</summary>
    public int CandidatesPerRanking { get; init; } = 100;

    /// <summary>
    /// Rank by vector exactly, scoring every vector that passes the filter, instead of through the store's
    /// approximate index (slower; for measuring what the approximation loses).
    /// </summary>
    public bool ExactVectorSearch { get; init; }
}

/// <summary>A retrieved chunk with its document's citation fields and its fused score.</summary>
/// <param name="Chunk">The chunk.</param>
/// <param name="Document">The document it comes from.</param>
/// <param name="Score">Reciprocal-rank-fusion score (higher is better).</param>
/// <param name="LexicalRank">1-based rank in the keyword ranking, or null when absent from it.</param>
/// <param name="DenseRank">1-based rank in the vector ranking, or null when absent from it.</param>
public sealed record ChunkHit(Chunk Chunk, DocumentInfo Document, double Score, int? LexicalRank, int? DenseRank)
{
    /// <summary>
    /// Cosine similarity of the request's vector and the chunk's, when the vector ranking scored it (a store may
    /// compute it from compressed vectors: within about 0.01); null otherwise.
    /// </summary>
    public double? VectorSimilarity { get; init; }

    /// <summary>The keyword ranking's own score (BM25, higher is better; comparable within one search only), when that ranking found the chunk and the store reports it; null otherwise.</summary>
    public double? LexicalScore { get; init; }
}

/// <summary>The store cannot be used: corrupt file, unreachable server, incompatible schema.</summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>How many of the store's passages hold each word asked about.</summary>
/// <param name="Passages">Passages in the store (0 when the store could not count).</param>
/// <param name="Counts">Passages holding each word, by the word as asked.</param>
public sealed record WordCounts(int Passages, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>Nothing counted (a store that cannot count).</summary>
    public static WordCounts None { get; } = new(0, new Dictionary<string, int>());

    /// <summary>
    /// How much a word tells (inverse document frequency, ln((N + 1) / (n + 0.5))): high for a word few passages hold,
    /// highest for one none holds; null when nothing was counted for it.
    /// </summary>
    public double? Rarity(string word) => Passages > 0 && Counts.TryGetValue(word, out var n) ? Math.Log((Passages + 1.0) / (n + 0.5)) : null;
}
