using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Model;
using ChatBot.Storage.Qdrant.Http;
using ChatBot.Storage.Qdrant.Mapping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Qdrant;

/// <summary>
/// The store on a Qdrant server, over its REST API. Chunks are points of <c>{Collection}_chunks</c> with a named dense
/// vector (cosine) and a named sparse BM25 vector (IDF applied by the server), their document's citation fields in the
/// payload; documents are payload-only points of <c>{Collection}_documents</c> with full text and turns.
/// <para>
/// A search is one Query API call: with text and vector, a dense and a sparse prefetch (each filtered, each
/// <c>CandidatesPerRanking</c> long) fused by the server's RRF. Qdrant does not report a point's rank within each
/// prefetch, so a fused hit has null <see cref="ChunkHit.LexicalRank"/> and <see cref="ChunkHit.DenseRank"/> and the
/// server's fusion score. A single-ranking search reports the rank in it, and the score RRF gives that rank alone
/// (<c>1 / (k + rank − 1)</c>, Qdrant's form, with the same k).
/// </para>
/// <para>
/// An upsert writes the new points first (batched, <c>wait=true</c>), then deletes the document's points not written
/// by this upsert, then writes the document record: a failure part-way leaves the earlier version searchable and its
/// record in place, and running the upsert again heals. Writes are serialised within the instance.
/// </para>
/// </summary>
public sealed class QdrantTranscriptStore : ITranscriptStore
{
    /// <summary>Name of the <see cref="HttpClient"/> the registration asks <see cref="IHttpClientFactory"/> for.</summary>
    internal const string HttpClientName = "ChatBot.Storage.Qdrant";

    /// <summary>Qdrant's k for <c>{"fusion": "rrf"}</c>.</summary>
    internal const int ServerDefaultRrfK = 2;

    private const int ScrollPageSize = 256;

    private readonly QdrantOptions _options;
    private readonly QdrantClient _client;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>A store that sends its requests through <paramref name="httpClient"/> (not disposed by the store).</summary>
    /// <exception cref="StoreException">The options are invalid.</exception>
    public QdrantTranscriptStore(HttpClient httpClient, QdrantOptions options, ILogger<QdrantTranscriptStore>? logger = null)
        : this(httpClient is null ? throw new ArgumentNullException(nameof(httpClient)) : () => httpClient, options, logger)
    {
    }

    /// <summary>A store that takes a client from <paramref name="httpClientFactory"/> for each request.</summary>
    /// <exception cref="StoreException">The options are invalid.</exception>
    public QdrantTranscriptStore(IHttpClientFactory httpClientFactory, IOptions<QdrantOptions> options, ILogger<QdrantTranscriptStore>? logger = null)
        : this(httpClientFactory is null ? throw new ArgumentNullException(nameof(httpClientFactory)) : () => httpClientFactory.CreateClient(HttpClientName),
            (options ?? throw new ArgumentNullException(nameof(options))).Value, logger)
    {
    }

    private QdrantTranscriptStore(Func<HttpClient> httpClient, QdrantOptions options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
        _options.ThrowIfInvalid();
        _logger = logger ?? NullLogger.Instance;
        _client = new QdrantClient(httpClient, _options, _logger);
    }

    /// <inheritdoc />
    public string Description => $"qdrant: {_options.Url} (collections {_options.ChunksCollection}, {_options.DocumentsCollection})";

    /// <summary>The transport, for tests and maintenance.</summary>
    internal QdrantClient Client => _client;

    /// <summary>The validated copy of the options in use.</summary>
    internal QdrantOptions Options => _options;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        new CollectionInitializer(_client, _options, _logger).InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<StoredDocumentState?> GetDocumentStateAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        var record = await GetDocumentRecordAsync(documentId, new JsonArray("version", "signature"), cancellationToken);
        return record?.Payload is { Version: { } version, Signature: { } signature } ? new StoredDocumentState(version, signature) : null;
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
                var points = batch.Select(c => new PointStruct<ChunkPayload>(
                    c.Chunk.Id,
                    new PointVectors { Dense = c.Vector?.ToArray(), Sparse = SparseEncoder.ForDocument(c.Chunk.Text, c.Chunk.Question) },
                    PayloadMapper.ToPayload(document, c.Chunk, writeId))).ToList();
                await _client.SendAsync(QdrantEndpoints.UpsertChunks(_options.ChunksCollection, new PointsListBody<ChunkPayload>(points)),
                    QdrantJsonContext.Default.QdrantResponseUpdateResult, cancellationToken);
                batches++;
            }

            // Earlier versions, and chunks of this version that a re-chunking no longer produces: all but this write's points.
            var stale = new QdrantFilter
            {
                Must = [QdrantCondition.Equal(CollectionLayout.DocumentId, document.Id)],
                MustNot = [QdrantCondition.Equal(CollectionLayout.WriteId, writeId)],
            };
            await _client.SendAsync(QdrantEndpoints.DeleteByFilter(_options.ChunksCollection, stale, $"earlier chunks of document {document.Id}"),
                QdrantJsonContext.Default.QdrantResponseUpdateResult, cancellationToken);

            var record = new PointStruct<DocumentPayload>(
                CollectionLayout.DocumentPointId(document.Id),
                new PointVectors(),
                PayloadMapper.ToPayload(document, chunks, indexSignature, writeId, DateTimeOffset.UtcNow));
            await _client.SendAsync(QdrantEndpoints.UpsertDocument(_options.DocumentsCollection, new PointsListBody<DocumentPayload>([record])),
                QdrantJsonContext.Default.QdrantResponseUpdateResult, cancellationToken);
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
            bool existed = await GetDocumentRecordAsync(documentId, JsonValue.Create(false), cancellationToken) is not null;
            var ofDocument = new QdrantFilter { Must = [QdrantCondition.Equal(CollectionLayout.DocumentId, documentId)] };
            await _client.SendAsync(QdrantEndpoints.DeleteByFilter(_options.ChunksCollection, ofDocument, $"the chunks of document {documentId}"),
                QdrantJsonContext.Default.QdrantResponseUpdateResult, cancellationToken);
            await _client.SendAsync(QdrantEndpoints.DeleteByIds(_options.DocumentsCollection, [CollectionLayout.DocumentPointId(documentId)], $"the record of document {documentId}"),
                QdrantJsonContext.Default.QdrantResponseUpdateResult, cancellationToken);
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
        var record = await GetDocumentRecordAsync(documentId, JsonValue.Create(true), cancellationToken);
        if (record is null) return null;
        var pointId = PayloadMapper.PointId(record.Id, _options.DocumentsCollection);
        return PayloadMapper.ToDocument(record.Payload ?? new DocumentPayload(), pointId, _options.DocumentsCollection);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        var records = await ScrollDocumentsAsync(new JsonArray([.. DocumentPayload.SummaryFields.Select(f => (JsonNode)f)]), cancellationToken);
        return records
            .Select(r => (Record: r, Summary: PayloadMapper.ToSummary(r.Payload ?? new DocumentPayload(), PayloadMapper.PointId(r.Id, _options.DocumentsCollection), _options.DocumentsCollection)))
            .OrderBy(x => x.Record.Payload?.DateTo is null ? 1 : 0)
            .ThenByDescending(x => PayloadDates.FromDateTime(x.Record.Payload?.DateTo))
            .ThenBy(x => x.Summary.Title, StringComparer.Ordinal)
            .Select(x => x.Summary)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SpeakerSummary>> ListSpeakersAsync(CancellationToken cancellationToken = default)
    {
        var records = await ScrollDocumentsAsync(new JsonArray("speakers"), cancellationToken);
        return Speakers(records);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Documents, speakers, dates and whether vectors are stored come from the document records; chunks from an exact
    /// count. <see cref="StoreStatistics.SizeBytes"/> is null: the REST API does not report a collection's size.
    /// </remarks>
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var records = await ScrollDocumentsAsync(new JsonArray("speakers", "date_from", "date_to", "vector_count"), cancellationToken);
        var chunks = await _client.SendAsync(QdrantEndpoints.Count(_options.ChunksCollection, new CountBody { Exact = true }),
            QdrantJsonContext.Default.QdrantResponseCountResult, cancellationToken);
        var payloads = records.Select(r => r.Payload).OfType<DocumentPayload>().ToList();
        return new StoreStatistics(
            records.Count,
            checked((int)chunks.Count),
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
        var plan = SearchQueryBuilder.Build(request, _options.RrfK);
        if (plan is null) return [];

        var result = await _client.SendAsync(QdrantEndpoints.Query(_options.ChunksCollection, plan.Body),
            QdrantJsonContext.Default.QdrantResponseQueryResultChunkPayload, cancellationToken);
        int k = _options.RrfK ?? ServerDefaultRrfK;
        var hits = new List<ChunkHit>(result.Points.Count);
        foreach (var point in result.Points)
        {
            var chunk = PayloadMapper.ToChunk(point.Id, point.Payload, _options.ChunksCollection);
            var document = PayloadMapper.ToDocumentInfo(point.Payload!, chunk.Id, _options.ChunksCollection);
            int rank = hits.Count + 1;
            hits.Add(plan.Mode switch
            {
                SearchMode.Keyword => new ChunkHit(chunk, document, 1.0 / (k + rank - 1), rank, null),
                // A vector-only query scores points by the collection's cosine distance: the score is the similarity.
                SearchMode.Vector => new ChunkHit(chunk, document, 1.0 / (k + rank - 1), null, rank) { VectorSimilarity = Math.Round(point.Score, 4) },
                _ => new ChunkHit(chunk, document, point.Score, null, null),
            });
        }

        return hits;
    }

    /// <inheritdoc />
    public void Dispose() => _writeLock.Dispose();

    private async Task<RecordResult<DocumentPayload>?> GetDocumentRecordAsync(string documentId, JsonNode withPayload, CancellationToken cancellationToken)
    {
        var body = new RetrievePointsBody { Ids = [CollectionLayout.DocumentPointId(documentId)], WithPayload = withPayload };
        var records = await _client.SendAsync(QdrantEndpoints.Retrieve(_options.DocumentsCollection, body),
            QdrantJsonContext.Default.QdrantResponseListRecordResultDocumentPayload, cancellationToken);
        return records.Count > 0 ? records[0] : null;
    }

    /// <summary>Every document record, page by page, with the payload keys asked for.</summary>
    private async Task<List<RecordResult<DocumentPayload>>> ScrollDocumentsAsync(JsonArray payloadKeys, CancellationToken cancellationToken)
    {
        var all = new List<RecordResult<DocumentPayload>>();
        JsonElement? offset = null;
        do
        {
            var page = await _client.SendAsync(
                QdrantEndpoints.Scroll(_options.DocumentsCollection, new ScrollBody { Limit = ScrollPageSize, Offset = offset, WithPayload = payloadKeys, WithVector = false }),
                QdrantJsonContext.Default.QdrantResponseScrollResultDocumentPayload, cancellationToken);
            all.AddRange(page.Points);
            offset = page.NextPageOffset is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } next ? next.Clone() : null;
        }
        while (offset is not null);
        return all;
    }

    /// <summary>Speakers by (name, role) with their chunk and document counts, most chunks first.</summary>
    private static List<SpeakerSummary> Speakers(List<RecordResult<DocumentPayload>> records) =>
        records
            .SelectMany(r => r.Payload?.Speakers ?? [])
            .GroupBy(s => (s.Name, s.Role))
            .Select(g => new SpeakerSummary(g.Key.Name, g.Key.Role, g.Sum(s => s.Chunks), g.Count()))
            .OrderByDescending(s => s.Chunks)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
}
