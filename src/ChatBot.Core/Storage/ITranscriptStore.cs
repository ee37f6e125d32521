using ChatBot.Model;

namespace ChatBot.Storage;

/// <summary>
/// The storage seam: documents with their text and turns, and their chunks with optional vectors, searched by
/// keywords (BM25) and by vector, fused by reciprocal rank. Implementations: the embedded SQLite store and the
/// Qdrant store. Implementations are safe for concurrent readers; writes may be serialised internally.
/// </summary>
public interface ITranscriptStore : IDisposable
{
    /// <summary>Where the data lives, for messages ("sqlite: data/chatbot.db").</summary>
    string Description { get; }

    /// <summary>Creates the schema or collection if missing; safe to repeat.</summary>
    /// <exception cref="StoreException">The store exists but is unusable (corrupt, or of another schema).</exception>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>The version and index signature a document was stored with, or null when it is not stored.</summary>
    Task<StoredDocumentState?> GetDocumentStateAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a document and its chunks, replacing any earlier version of it. The old chunks are removed only
    /// after the new ones are written, so a failure part-way leaves the old version searchable.
    /// </summary>
    Task UpsertDocumentAsync(TranscriptDocument document, IReadOnlyList<IndexedChunk> chunks, string indexSignature, CancellationToken cancellationToken = default);

    /// <summary>Removes a document and its chunks; false when it was not stored.</summary>
    Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>A stored document with its full text and turns, or null.</summary>
    Task<TranscriptDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>All stored documents, newest first.</summary>
    Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every distinct speaker with role and counts.</summary>
    Task<IReadOnlyList<SpeakerSummary>> ListSpeakersAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts, date range and size of the store.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>Chunks matching the request's filter, ranked by keywords, vector or both (fused).</summary>
    Task<IReadOnlyList<ChunkHit>> SearchAsync(ChunkSearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the store ready to search after writes (an embedded store builds its vector index here rather than on
    /// the first search). Optional: a store that needs nothing does nothing.
    /// </summary>
    Task PrepareSearchAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// How many passages hold each of <paramref name="words"/> (matched as the keyword ranking matches them), for
    /// weighing a question's words by how rare they are. A store that cannot count returns <see cref="WordCounts.None"/>.
    /// </summary>
    Task<WordCounts> CountPassagesWithWordsAsync(IReadOnlyCollection<string> words, CancellationToken cancellationToken = default) => Task.FromResult(WordCounts.None);
}
