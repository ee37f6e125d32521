using ChatBot.Model;
using ChatBot.Storage.Qdrant.Mapping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qdrant.Client.Grpc;

namespace ChatBot.Storage.Qdrant;

/// <summary>
/// The store on a Qdrant server or cluster, through the official client (<c>Qdrant.Client</c>, gRPC). Chunks are points
/// of <c>{Collection}_chunks</c> with a named dense vector (cosine) and a named sparse BM25 vector (IDF applied by the
/// server), their document's citation fields in the payload; documents are payload-only points of
/// <c>{Collection}_documents</c> with full text and turns.
/// <para>
/// A search is one call. With text and vector it is one <c>QueryBatch</c> holding the hybrid query, a dense and a
/// sparse prefetch (each filtered, each <c>CandidatesPerRanking</c> long) fused by the server's RRF, and beside it
/// the dense prefetch run alone for ids and scores: Qdrant reports no per-prefetch score of a fused point, and that
/// leg gives each hit the vector ranking scored its <see cref="ChunkHit.DenseRank"/> and
/// <see cref="ChunkHit.VectorSimilarity"/> in the same round trip. <see cref="ChunkHit.LexicalRank"/> of a fused hit is
/// null and its score is the server's fusion score. A single-ranking search reports the rank in it, and the score RRF
/// gives that rank alone (<c>1 / (k + rank − 1)</c>, Qdrant's form, with the same k).
/// </para>
/// <para>
/// An upsert writes the new points first (batched, waiting for the write), then deletes the document's points not
/// written by this upsert, then writes the document record: a failure part-way leaves the earlier version searchable
/// and its record in place, and running the upsert again heals. Writes are serialised within the instance.
/// </para>
/// </summary>
public sealed class QdrantTranscriptStore : ITranscriptStore
{
    /// <summary>Qdrant's k for <c>Fusion.Rrf</c>.</summary>
    internal const int ServerDefaultRrfK = 2;

    private const uint ScrollPageSize = 256;

    private readonly QdrantOptions _options;
    private readonly QdrantConnection _connection;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>A store on the server <paramref name="options"/> name.</summary>
    /// <exception cref="StoreException">The options are invalid.</exception>
    public QdrantTranscriptStore(QdrantOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
        _options.ThrowIfInvalid();
        _logger = loggerFactory?.CreateLogger<QdrantTranscriptStore>() ?? NullLogger<QdrantTranscriptStore>.Instance;
        _connection = new QdrantConnection(_options, loggerFactory, _logger);
    }

    /// <summary>A store configured by dependency injection.</summary>
    /// <exception cref="StoreException">The options are invalid.</exception>
    public QdrantTranscriptStore(IOptions<QdrantOptions> options, ILoggerFactory? loggerFactory = null)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value, loggerFactory)
    {
    }

    /// <inheritdoc />
    public string Description => $"qdrant: {_connection.Address} (collections {_options.ChunksCollection}, {_options.DocumentsCollection})";

    /// <summary>The connection, for tests and maintenance.</summary>
    internal QdrantConnection Connection => _connection;

    /// <summary>The validated copy of the options in use.</summary>
    internal QdrantOptions Options => _options;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        new CollectionInitializer(_connection, _options, _logger).InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<StoredDocumentState?> GetDocumentStateAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        var record = await GetDocumentRecordAsync(documentId, Fields("version", "signature"), cancellationToken);
        return record is { Version: { } version, Signature: { } signature } ? new StoredDocumentState(version, signature) : null;
    }

    /// <inheritdoc />
    public async Task UpsertDocumentAsync(TranscriptDocument document, IReadOnlyList<IndexedChunk> chunks, string indexSignature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(indexSignature);
        foreach (var (chunk, vector) in chunks)
        {
            if (chunk.DocumentId != document.Id)
                throw new ArgumentException($"Chunk {chunk.Id} belongs to document {chunk.DocumentId}, not {document.Id}.", nameof(chunks));
            if (vector is { Length: var length } && length != _options.VectorSize)
                throw new StoreException($"The Qdrant collection {_options.ChunksCollection} holds {_options.VectorSize}-dimensional vectors (QdrantOptions.VectorSize); the embedder gives {length}. Use another collection name for another model.");
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var writeId = Guid.NewGuid().ToString("N");
            int batches = 0;
            foreach (var batch in chunks.Chunk(_options.BatchSize))
            {
                var points = batch.Select(c => ChunkPoint(document, c, writeId)).ToList();
                await _connection.CallAsync($"upsert points into {_options.ChunksCollection}",
                    (client, ct) => client.UpsertAsync(_options.ChunksCollection, points, wait: true, cancellationToken: ct), cancellationToken);
                batches++;
            }

            // Earlier versions, and chunks of this version that a re-chunking no longer produces: all but this write's points.
            var stale = ChunkFilterBuilder.OfDocument(document.Id, writeId);
            await _connection.CallAsync($"delete earlier chunks of document {document.Id}",
                (client, ct) => client.DeleteAsync(_options.ChunksCollection, stale, wait: true, cancellationToken: ct), cancellationToken);

            var record = new PointStruct
            {
                Id = CollectionLayout.DocumentPointId(document.Id),
                Vectors = new Vectors { Vectors_ = new NamedVectors() },
            };
            record.Payload.Add(PayloadValues.ToPayload(
                PayloadMapper.ToPayload(document, chunks, indexSignature, writeId, DateTimeOffset.UtcNow), PayloadJsonContext.Default.DocumentPayload));
            await _connection.CallAsync($"upsert the record of document {document.Id}",
                (client, ct) => client.UpsertAsync(_options.DocumentsCollection, [record], wait: true, cancellationToken: ct), cancellationToken);
            Log.DocumentStored(_logger, document.Id, document.ContentHash, chunks.Count, batches);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            bool existed = await GetDocumentRecordAsync(documentId, new WithPayloadSelector { Enable = false }, cancellationToken) is not null;
            await _connection.CallAsync($"delete the chunks of document {documentId}",
                (client, ct) => client.DeleteAsync(_options.ChunksCollection, ChunkFilterBuilder.OfDocument(documentId), wait: true, cancellationToken: ct), cancellationToken);
            await _connection.CallAsync($"delete the record of document {documentId}",
                (client, ct) => client.DeleteAsync(_options.DocumentsCollection, CollectionLayout.DocumentPointId(documentId), wait: true, cancellationToken: ct), cancellationToken);
            Log.DocumentDeleted(_logger, documentId, existed);
            return existed;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<TranscriptDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        var pointId = CollectionLayout.DocumentPointId(documentId);
        var record = await GetDocumentRecordAsync(documentId, new WithPayloadSelector { Enable = true }, cancellationToken);
        return record is null ? null : PayloadMapper.ToDocument(record, pointId, _options.DocumentsCollection);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        var records = await ScrollDocumentsAsync(Fields(DocumentPayload.SummaryFields), cancellationToken);
        return records
            .Select(r => (Record: r.Payload, Summary: PayloadMapper.ToSummary(r.Payload, r.Id, _options.DocumentsCollection)))
            .OrderBy(x => x.Record.DateTo is null ? 1 : 0)
            .ThenByDescending(x => PayloadDates.FromDateTime(x.Record.DateTo))
            .ThenBy(x => x.Summary.Title, StringComparer.Ordinal)
            .Select(x => x.Summary)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SpeakerSummary>> ListSpeakersAsync(CancellationToken cancellationToken = default)
    {
        var records = await ScrollDocumentsAsync(Fields("speakers", "document_id"), cancellationToken);
        return Speakers(records);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Documents, speakers, dates and whether vectors are stored come from the document records; chunks from an exact
    /// count. <see cref="StoreStatistics.SizeBytes"/> is null: the API does not report a collection's size.
    /// </remarks>
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var records = await ScrollDocumentsAsync(Fields("speakers", "date_from", "date_to", "vector_count"), cancellationToken);
        var chunks = await _connection.CallAsync($"count points of {_options.ChunksCollection}",
            (client, ct) => client.CountAsync(_options.ChunksCollection, exact: true, cancellationToken: ct), cancellationToken);
        var payloads = records.Select(r => r.Payload).ToList();
        return new StoreStatistics(
            records.Count,
            checked((int)chunks),
            Speakers(records).Select(s => s.Name).Distinct(StringComparer.Ordinal).Count(),
            payloads.Select(p => PayloadDates.FromDateTime(p.DateFrom)).Min(),
            payloads.Select(p => PayloadDates.FromDateTime(p.DateTo)).Max(),
            payloads.Any(p => p.VectorCount > 0) ? _options.VectorSize : null,
            null);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChunkHit>> SearchAsync(ChunkSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Vector is { Length: var length } && length != _options.VectorSize)
            throw new StoreException($"The query vector has {length} dimensions; the Qdrant collection {_options.ChunksCollection} holds {_options.VectorSize}-dimensional vectors.");
        var plan = SearchQueryBuilder.Build(_options.ChunksCollection, request, _options.RrfK);
        if (plan is null) return [];

        var operation = $"query points of {_options.ChunksCollection}";
        IReadOnlyList<ScoredPoint> points;
        Dictionary<Guid, (int Rank, float Score)>? denseLeg = null;
        if (plan.DenseLeg is { } leg)
        {
            var results = await _connection.CallAsync(operation,
                (client, ct) => client.QueryBatchAsync(_options.ChunksCollection, [plan.Main, leg], cancellationToken: ct), cancellationToken);
            points = results[0].Result;
            denseLeg = new Dictionary<Guid, (int, float)>();
            foreach (var point in results[1].Result)
                denseLeg.TryAdd(PayloadMapper.ToGuid(point.Id, _options.ChunksCollection), (denseLeg.Count + 1, point.Score));
        }
        else
        {
            var q = plan.Main;
            points = await _connection.CallAsync(operation,
                (client, ct) => client.QueryAsync(_options.ChunksCollection, query: q.Query, usingVector: q.Using, filter: q.Filter, searchParams: q.Params,
                    limit: q.Limit, payloadSelector: q.WithPayload, cancellationToken: ct), cancellationToken);
        }

        int k = _options.RrfK ?? ServerDefaultRrfK;
        var hits = new List<ChunkHit>(points.Count);
        foreach (var point in points)
        {
            var payload = PayloadValues.FromPayload(point.Payload, PayloadJsonContext.Default.ChunkPayload);
            var chunk = PayloadMapper.ToChunk(point.Id, payload, _options.ChunksCollection);
            var document = PayloadMapper.ToDocumentInfo(payload, chunk.Id, _options.ChunksCollection);
            int rank = hits.Count + 1;
            hits.Add(plan.Mode switch
            {
                SearchMode.Keyword => new ChunkHit(chunk, document, 1.0 / (k + rank - 1), rank, null),
                // A vector query scores points by the collection's cosine distance: the score is the similarity.
                SearchMode.Vector => new ChunkHit(chunk, document, 1.0 / (k + rank - 1), null, rank) { VectorSimilarity = Math.Round(point.Score, 4) },
                _ => denseLeg!.TryGetValue(chunk.Id, out var dense)
                    ? new ChunkHit(chunk, document, point.Score, null, dense.Rank) { VectorSimilarity = Math.Round(dense.Score, 4) }
                    : new ChunkHit(chunk, document, point.Score, null, null),
            });
        }

        return hits;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _connection.Dispose();
        _writeLock.Dispose();
    }

    private static PointStruct ChunkPoint(TranscriptDocument document, IndexedChunk indexed, string writeId)
    {
        var vectors = new NamedVectors();
        if (indexed.Vector is { } dense) vectors.Vectors[CollectionLayout.DenseVector] = new Vector { Dense = new DenseVector { Data = { dense.ToArray() } } };
        if (SparseEncoder.ForDocument(indexed.Chunk.Text, indexed.Chunk.Question) is { } sparse)
            vectors.Vectors[CollectionLayout.SparseVector] = new Vector { Sparse = new SparseVector { Indices = { sparse.Indices }, Values = { sparse.Values } } };
        var point = new PointStruct { Id = indexed.Chunk.Id, Vectors = new Vectors { Vectors_ = vectors } };
        point.Payload.Add(PayloadValues.ToPayload(PayloadMapper.ToPayload(document, indexed.Chunk, writeId), PayloadJsonContext.Default.ChunkPayload));
        return point;
    }

    private static WithPayloadSelector Fields(params string[] keys) => new() { Include = new PayloadIncludeSelector { Fields = { keys } } };

    private async Task<DocumentPayload?> GetDocumentRecordAsync(string documentId, WithPayloadSelector withPayload, CancellationToken cancellationToken)
    {
        PointId id = CollectionLayout.DocumentPointId(documentId);
        var records = await _connection.CallAsync($"retrieve the record of document {documentId}",
            (client, ct) => client.RetrieveAsync(_options.DocumentsCollection, [id], withPayload, new WithVectorsSelector { Enable = false }, cancellationToken: ct),
            cancellationToken);
        return records.Count > 0 ? PayloadValues.FromPayload(records[0].Payload, PayloadJsonContext.Default.DocumentPayload) : null;
    }

    /// <summary>Every document record, page by page, with the payload keys asked for.</summary>
    private async Task<List<(Guid Id, DocumentPayload Payload)>> ScrollDocumentsAsync(WithPayloadSelector payloadKeys, CancellationToken cancellationToken)
    {
        var all = new List<(Guid, DocumentPayload)>();
        PointId? offset = null;
        do
        {
            var from = offset;
            var page = await _connection.CallAsync($"scroll points of {_options.DocumentsCollection}",
                (client, ct) => client.ScrollAsync(_options.DocumentsCollection, limit: ScrollPageSize, offset: from, payloadSelector: payloadKeys,
                    vectorsSelector: new WithVectorsSelector { Enable = false }, cancellationToken: ct), cancellationToken);
            foreach (var point in page.Result)
                all.Add((PayloadMapper.ToGuid(point.Id, _options.DocumentsCollection), PayloadValues.FromPayload(point.Payload, PayloadJsonContext.Default.DocumentPayload)));
            offset = page.NextPageOffset;
        }
        while (offset is not null);
        return all;
    }

    /// <summary>Speakers by (name, role) with their chunk and document counts, most chunks first.</summary>
    private static List<SpeakerSummary> Speakers(List<(Guid Id, DocumentPayload Payload)> records) =>
        records
            .SelectMany(r => (r.Payload.Speakers ?? []).Select(s => (Speaker: s, r.Payload.DocumentId)))
            .GroupBy(s => (s.Speaker.Name, s.Speaker.Role))
            .Select(g => new SpeakerSummary(g.Key.Name, g.Key.Role, g.Sum(s => s.Speaker.Chunks), g.Count())
            {
                // Each post with the first document (by id) that gives it, as the embedded store does.
                Posts = g.SelectMany(s => (s.Speaker.Posts ?? []).Select(p => (Post: p, s.DocumentId)))
                    .Where(p => p.DocumentId is not null)
                    .GroupBy(p => p.Post, StringComparer.Ordinal)
                    .Select(p => new SpeakerPost(p.Key, p.Select(x => x.DocumentId!).Min(StringComparer.Ordinal)!))
                    .OrderBy(p => p.Post, StringComparer.Ordinal)
                    .ToList(),
            })
            .OrderByDescending(s => s.Chunks)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
}
