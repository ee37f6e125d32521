using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBot.Model;
using ChatBot.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file holding documents, chunks, vectors (unit vectors as signed bytes) and an
/// FTS5 index (Porter stemming) over chunk text and question context. Keyword search is FTS5 BM25; vector
/// search scans an in-memory copy of the vectors (exactly in small stores, by nearest clusters in large ones, see
/// <see cref="DenseIndex"/>), rebuilt when another writer changed the file and cached beside it
/// (<see cref="DenseIndexFile"/>) so the next process starts fast; the two are fused by reciprocal rank. A document is replaced in one transaction, so a crash part-way leaves
/// the previous version whole. Safe for concurrent readers; writes are serialised.
/// </summary>
public sealed class SqliteTranscriptStore : ITranscriptStore
{
    private const int SchemaVersion = 2;
    private const double QuestionColumnWeight = 0.3;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _indexLock = new();
    private readonly SemaphoreSlim _indexLoad = new(1, 1);
    private readonly DenseIndexOptions _indexOptions;
    private DenseIndex? _dense;
    private volatile WordCountCache? _wordCounts;

    /// <summary>Opens (lazily) the store at <paramref name="databasePath"/>; the folder is created if missing.</summary>
    public SqliteTranscriptStore(string databasePath, ILogger<SqliteTranscriptStore>? logger = null)
        : this(databasePath, logger, null)
    {
    }

    internal SqliteTranscriptStore(string databasePath, ILogger<SqliteTranscriptStore>? logger, DenseIndexOptions? indexOptions)
    {
        _indexOptions = indexOptions ?? new DenseIndexOptions();
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _logger = logger ?? NullLogger<SqliteTranscriptStore>.Instance;
    }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The vector index file beside the database (a cache, rebuilt from the database when stale).</summary>
    public string IndexPath => Path.ChangeExtension(DatabasePath, ".vectors");

    /// <summary>A small file beside the database saying a store lives here, so a lost database is noticed.</summary>
    public string MarkerPath => Path.ChangeExtension(DatabasePath, ".store");

    /// <summary>Where the vector index in memory came from last: "file", "database" or null before the first vector search.</summary>
    internal string? IndexSource { get; private set; }

    /// <summary>The vector index in memory, if loaded.</summary>
    internal DenseIndex? LoadedIndex => _dense;

    /// <inheritdoc />
    public string Description => $"sqlite: {DatabasePath}";

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var dir = Path.GetDirectoryName(DatabasePath);
        try
        {
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"The store's folder {dir} cannot be created ({e.Message.TrimEnd('.')}). Use --data or ChatBot:DataDirectory to name a writable folder.", e);
        }

        EnsureNotLost();
        await using var connection = await OpenAsync(cancellationToken);
        string? storeId;
        try
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            Execute(connection, tx, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            var version = Scalar(connection, tx, "SELECT value FROM meta WHERE key = 'schema_version'");
            if (version is null)
            {
                foreach (var statement in Schema.Statements) Execute(connection, tx, statement);
                Execute(connection, tx, $"INSERT INTO meta(key, value) VALUES ('schema_version', '{SchemaVersion}'), ('generation', '0')");
            }
            else if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw new StoreException($"The store {DatabasePath} has schema version {version}; this build reads version {SchemaVersion}. Move the file aside and ingest again to rebuild it.");
            }
            else
            {
                foreach (var statement in Schema.Upgrades) Execute(connection, tx, statement);
            }

            // Names this store in its vector index file, so a file left by another store is never taken for this one's.
            using (var id = Command(connection, "INSERT OR IGNORE INTO meta(key, value) VALUES ('store_id', $id)", ("$id", Guid.NewGuid().ToString("N"))))
            {
                id.Transaction = tx;
                id.ExecuteNonQuery();
            }

            await tx.CommitAsync(cancellationToken);
            storeId = Scalar(connection, null, "SELECT value FROM meta WHERE key = 'store_id'");
        }
        catch (SqliteException e)
        {
            throw Corrupt(e);
        }

        if (!File.Exists(MarkerPath))
        {
            try
            {
                File.WriteAllText(MarkerPath, $"{storeId}\nThis folder holds a ChatBot store; {Path.GetFileName(DatabasePath)} is its database. Delete this file only with the database.\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning("Could not write the store marker {Path}: {Message}", MarkerPath, e.Message);
            }
        }
    }

    /// <summary>
    /// Refuses a database that is missing or empty (0 bytes) where a store was: its vector file or marker is still
    /// there. SQLite would take an empty file for a new database, and the store would silently start over.
    /// </summary>
    private void EnsureNotLost()
    {
        var db = new FileInfo(DatabasePath);
        if (db.Exists && db.Length > 0) return;
        var evidence = new[] { MarkerPath, IndexPath }.Where(File.Exists).Select(Path.GetFileName).ToList();
        if (evidence.Count == 0) return;
        var state = db.Exists ? "is empty (0 bytes)" : "is missing";
        throw new StoreException(
            $"The store file {DatabasePath} {state}, but this folder had a store ({string.Join(" and ", evidence)} still there). Restore the file from a backup; to start over on purpose, delete the data folder.");
    }

    /// <inheritdoc />
    private async Task<StoredDocumentState?> GetDocumentStateCoreAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = Command(connection, "SELECT version, signature FROM documents WHERE id = $id", ("$id", documentId));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredDocumentState(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <inheritdoc />
    public async Task UpsertDocumentAsync(TranscriptDocument document, IReadOnlyList<IndexedChunk> chunks, string indexSignature, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            // One transaction: readers see the old version until commit; a crash before commit leaves it untouched.
            using (var delete = Command(connection, "DELETE FROM chunks WHERE document_id = $id", ("$id", document.Id)))
            {
                delete.Transaction = tx;
                delete.ExecuteNonQuery();
            }

            using (var insert = Command(connection, """
                INSERT INTO chunks(id, document_id, version, ordinal, turn_index, start, end, text, speaker, role, post, question, date_from, date_to, vector)
                VALUES ($id, $doc, $version, $ordinal, $turn, $start, $end, $text, $speaker, $role, $post, $question, $from, $to, $vector)
                """))
            {
                insert.Transaction = tx;
                var p = insert.Parameters;
                foreach (var name in new[] { "$id", "$doc", "$version", "$ordinal", "$turn", "$start", "$end", "$text", "$speaker", "$role", "$post", "$question", "$from", "$to", "$vector" })
                    p.Add(new SqliteParameter(name, null));
                foreach (var (chunk, vector) in chunks)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    p["$id"].Value = chunk.Id.ToString();
                    p["$doc"].Value = chunk.DocumentId;
                    p["$version"].Value = chunk.DocumentVersion;
                    p["$ordinal"].Value = chunk.Ordinal;
                    p["$turn"].Value = chunk.TurnIndex;
                    p["$start"].Value = chunk.Start;
                    p["$end"].Value = chunk.End;
                    p["$text"].Value = chunk.Text;
                    p["$speaker"].Value = chunk.Speaker;
                    p["$role"].Value = RoleName(chunk.Role);
                    p["$post"].Value = (object?)chunk.Post ?? DBNull.Value;
                    p["$question"].Value = (object?)chunk.Question ?? DBNull.Value;
                    p["$from"].Value = (object?)DateKey(document.DateFrom) ?? DBNull.Value;
                    p["$to"].Value = (object?)DateKey(document.DateTo) ?? DBNull.Value;
                    p["$vector"].Value = vector is { } v ? Int8Vectors.ToBytes(v.Span) : DBNull.Value;
                    insert.ExecuteNonQuery();
                }
            }

            using (var upsert = Command(connection, """
                INSERT INTO documents(id, version, signature, title, date, year, date_from, date_to, place, url, source, format, text, text_offset, turns, turn_count, chunk_count, ingested_at)
                VALUES ($id, $version, $signature, $title, $date, $year, $from, $to, $place, $url, $source, $format, $text, $offset, $turns, $turnCount, $chunkCount, $at)
                ON CONFLICT(id) DO UPDATE SET version = excluded.version, signature = excluded.signature, title = excluded.title,
                  date = excluded.date, year = excluded.year, date_from = excluded.date_from, date_to = excluded.date_to,
                  place = excluded.place, url = excluded.url, source = excluded.source, format = excluded.format, text = excluded.text,
                  text_offset = excluded.text_offset, turns = excluded.turns, turn_count = excluded.turn_count,
                  chunk_count = excluded.chunk_count, ingested_at = excluded.ingested_at
                """,
                ("$id", document.Id), ("$version", document.ContentHash), ("$signature", indexSignature), ("$title", document.Title),
                ("$date", document.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$year", document.Year),
                ("$from", DateKey(document.DateFrom)), ("$to", DateKey(document.DateTo)), ("$place", document.Place), ("$url", document.Url),
                ("$source", document.Source), ("$format", document.Format), ("$text", document.Text), ("$offset", document.TextOffset),
                ("$turns", JsonSerializer.Serialize(document.Turns, s_json)), ("$turnCount", document.Turns.Count), ("$chunkCount", chunks.Count),
                ("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture))))
            {
                upsert.Transaction = tx;
                upsert.ExecuteNonQuery();
            }

            if (chunks.FirstOrDefault(c => c.Vector is not null)?.Vector is { } first)
            {
                var dims = Scalar(connection, tx, "SELECT value FROM meta WHERE key = 'vector_dimensions'");
                if (dims is null) Execute(connection, tx, $"INSERT INTO meta(key, value) VALUES ('vector_dimensions', '{first.Length}')");
                else if (dims != first.Length.ToString(CultureInfo.InvariantCulture))
                    throw new StoreException($"The store {DatabasePath} holds {dims}-dimensional vectors; the embedder gives {first.Length}. Use a new data directory for another model.");
            }

            BumpGeneration(connection, tx);
            await tx.CommitAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            throw Corrupt(e);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            using var deleteChunks = Command(connection, "DELETE FROM chunks WHERE document_id = $id", ("$id", documentId));
            deleteChunks.Transaction = tx;
            deleteChunks.ExecuteNonQuery();
            using var deleteDocument = Command(connection, "DELETE FROM documents WHERE id = $id", ("$id", documentId));
            deleteDocument.Transaction = tx;
            int removed = deleteDocument.ExecuteNonQuery();
            BumpGeneration(connection, tx);
            await tx.CommitAsync(cancellationToken);
            return removed > 0;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    private async Task<TranscriptDocument?> GetDocumentCoreAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = Command(connection, """
            SELECT id, title, date, year, place, url, source, format, text, text_offset, version, turns FROM documents WHERE id = $id
            """, ("$id", documentId));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new TranscriptDocument
        {
            Id = reader.GetString(0),
            Title = reader.GetString(1),
            Date = DateAt(reader, 2),
            Year = IntAt(reader, 3),
            Place = TextAt(reader, 4),
            Url = TextAt(reader, 5),
            Source = reader.GetString(6),
            Format = reader.GetString(7),
            Text = reader.GetString(8),
            TextOffset = reader.GetInt32(9),
            ContentHash = reader.GetString(10),
            Turns = JsonSerializer.Deserialize<List<Turn>>(reader.GetString(11), s_json) ?? [],
        };
    }

    /// <inheritdoc />
    private async Task<IReadOnlyList<DocumentSummary>> ListDocumentsCoreAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = Command(connection, """
            SELECT id, title, date, year, place, url, source, format, turn_count, chunk_count, ingested_at
            FROM documents ORDER BY date_to IS NULL, date_to DESC, title
            """);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var result = new List<DocumentSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new DocumentSummary
            {
                Id = reader.GetString(0),
                Title = reader.GetString(1),
                Date = DateAt(reader, 2),
                Year = IntAt(reader, 3),
                Place = TextAt(reader, 4),
                Url = TextAt(reader, 5),
                Source = reader.GetString(6),
                Format = reader.GetString(7),
                TurnCount = reader.GetInt32(8),
                ChunkCount = reader.GetInt32(9),
                IngestedAt = DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
            });
        }

        return result;
    }

    /// <inheritdoc />
    private async Task<IReadOnlyList<SpeakerSummary>> ListSpeakersCoreAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = Command(connection, """
            SELECT speaker, role, COUNT(*), COUNT(DISTINCT document_id) FROM chunks GROUP BY speaker, role ORDER BY COUNT(*) DESC
            """);
        var result = new List<SpeakerSummary>();
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                result.Add(new SpeakerSummary(reader.GetString(0), ParseRole(reader.GetString(1)), reader.GetInt32(2), reader.GetInt32(3)));
        }

        await using var postsCmd = Command(connection, """
            SELECT speaker, role, post, MIN(document_id) FROM chunks WHERE post IS NOT NULL AND post <> '' GROUP BY speaker, role, post ORDER BY post
            """);
        var posts = new Dictionary<(string, string), List<SpeakerPost>>();
        await using (var reader = await postsCmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!posts.TryGetValue(key, out var list)) posts[key] = list = [];
                list.Add(new SpeakerPost(reader.GetString(2), reader.GetString(3)));
            }
        }

        return result.Select(s => posts.TryGetValue((s.Name, RoleName(s.Role)), out var p) ? s with { Posts = p } : s).ToList();
    }

    /// <inheritdoc />
    private async Task<StoreStatistics> GetStatisticsCoreAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = Command(connection, """
            SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM chunks), (SELECT COUNT(DISTINCT speaker) FROM chunks),
                   (SELECT MIN(date_from) FROM documents), (SELECT MAX(date_to) FROM documents),
                   (SELECT value FROM meta WHERE key = 'vector_dimensions')
            """);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        long size = 0;
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", IndexPath })
        {
            var info = new FileInfo(file);
            if (info.Exists) size += info.Length;
        }
        return new StoreStatistics(
            reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2),
            reader.IsDBNull(3) ? null : FromDateKey(reader.GetInt32(3)),
            reader.IsDBNull(4) ? null : FromDateKey(reader.GetInt32(4)),
            reader.IsDBNull(5) ? null : int.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
            size);
    }

    /// <inheritdoc />
    private async Task<IReadOnlyList<ChunkHit>> SearchCoreAsync(ChunkSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await OpenAsync(cancellationToken);
        var rankings = new List<IReadOnlyList<long>>();
        int lexicalIndex = -1, denseIndex = -1;
        Dictionary<long, double>? similarities = null, lexicalScores = null;

        // The two rankings run side by side: the vector index is in memory, the keyword ranking reads SQLite.
        Task<List<(long RowId, float Similarity)>>? denseTask = null;
        if (request.Vector is { } vector)
        {
            var index = await DenseIndexAsync(connection, cancellationToken);
            denseTask = Task.Run(() => index.Search(vector.Span, request.Filter, request.CandidatesPerRanking, request.ExactVectorSearch), cancellationToken);
        }

        var match = FtsQuery(request.Text, request.MinimumTermsMatched);
        if (match is not null)
        {
            lexicalIndex = rankings.Count;
            // Conjunctive first: when enough passages hold every term, they are the candidates; BM25 ranks them as the
            // looser query would (every term weighs the same in both), and scoring the many passages that share only
            // some terms ("climate" and "change" but not "commitments") costs several times as much in a large store.
            List<(long RowId, double Score)>? ranked = null;
            if (request.MinimumTermsMatched is > 1 && FtsQuery(request.Text, int.MaxValue) is { } all && all != match)
            {
                ranked = await LexicalAsync(connection, all, request.Filter, request.CandidatesPerRanking, cancellationToken);
                if (ranked.Count < request.CandidatesPerRanking) ranked = null;
            }

            ranked ??= await LexicalAsync(connection, match, request.Filter, request.CandidatesPerRanking, cancellationToken);
            rankings.Add(ranked.Select(x => x.RowId).ToList());
            lexicalScores = ranked.ToDictionary(x => x.RowId, x => x.Score);
        }

        if (denseTask is not null)
        {
            var scored = await denseTask;
            denseIndex = rankings.Count;
            rankings.Add(scored.Select(x => x.RowId).ToList());
            similarities = scored.ToDictionary(x => x.RowId, x => (double)x.Similarity);
        }

        if (rankings.Count == 0) return [];
        var fused = ReciprocalRankFusion.Fuse(rankings).Take(request.Limit).ToList();
        var rows = await LoadChunksAsync(connection, fused.Select(f => f.Key).ToList(), cancellationToken);
        // Every hit is scored against the query vector, not only those the vector ranking found, so relevance can be
        // judged on the same scale for all of them.
        short[]? widened = request.Vector is { } v ? Int8Vectors.Widen(v.Span) : null;
        var hits = new List<ChunkHit>(fused.Count);
        foreach (var (rowId, score, ranks) in fused)
        {
            if (!rows.TryGetValue(rowId, out var row)) continue;
            hits.Add(new ChunkHit(row.Chunk, row.Document, score,
                lexicalIndex >= 0 ? ranks[lexicalIndex] : null,
                denseIndex >= 0 ? ranks[denseIndex] : null)
            {
                VectorSimilarity = similarities is not null && similarities.TryGetValue(rowId, out var similarity) ? Math.Round(similarity, 4)
                    : widened is not null && row.Vector is { Length: > 0 } bytes && bytes.Length == widened.Length
                        ? Math.Round(Int8Vectors.Dot(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(bytes.AsSpan()), widened) / (double)(Int8Vectors.Scale * Int8Vectors.Scale), 4)
                        : null,
                LexicalScore = lexicalScores is not null && lexicalScores.TryGetValue(rowId, out var bm25) ? Math.Round(bm25, 4) : null,
            });
        }

        return hits;
    }

    /// <inheritdoc />
    public async Task<StoredDocumentState?> GetDocumentStateAsync(string documentId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetDocumentStateCoreAsync(documentId, cancellationToken);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e);
        }
    }

    /// <inheritdoc />
    public async Task<TranscriptDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetDocumentCoreAsync(documentId, cancellationToken);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ListDocumentsCoreAsync(cancellationToken);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SpeakerSummary>> ListSpeakersAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await ListSpeakersCoreAsync(cancellationToken);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e);
        }
    }

    /// <inheritdoc />
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetStatisticsCoreAsync(cancellationToken);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChunkHit>> SearchAsync(ChunkSearchRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SearchCoreAsync(request, cancellationToken);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e);
        }
    }

    /// <inheritdoc />
    public async Task<WordCounts> CountPassagesWithWordsAsync(IReadOnlyCollection<string> words, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(words);
        try
        {
            return await CountPassagesWithWordsCoreAsync(words, cancellationToken);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e);
        }
    }

    /// <summary>
    /// Counts from the full-text index, remembered for the store's current generation (a write by any process starts
    /// a new one), so a word is counted once between ingests.
    /// </summary>
    private async Task<WordCounts> CountPassagesWithWordsCoreAsync(IReadOnlyCollection<string> words, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var (storeId, generation) = StoreVersion(connection, null);
        var cache = _wordCounts;
        if (cache is null || cache.StoreId != storeId || cache.Generation != generation)
        {
            await using var total = connection.CreateCommand();
            total.CommandText = "SELECT count(*) FROM chunks";
            cache = new WordCountCache(storeId, generation, Convert.ToInt32(await total.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture), new());
            _wordCounts = cache;
        }

        var counts = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        foreach (var word in words.Distinct(StringComparer.Ordinal))
        {
            if (!cache.Counts.TryGetValue(word, out var n))
            {
                if (FtsQuery(word) is not { } match) continue;
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH $match";
                cmd.Parameters.AddWithValue("$match", match);
                n = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                cache.Counts[word] = n;
            }

            counts[word] = n;
        }

        return new WordCounts(cache.Passages, counts);
    }

    /// <summary>Word counts of one generation of the store.</summary>
    private sealed record WordCountCache(string StoreId, long Generation, int Passages, System.Collections.Concurrent.ConcurrentDictionary<string, int> Counts);

    /// <inheritdoc />
    public async Task PrepareSearchAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await PrepareSearchCoreAsync(cancellationToken);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writeLock.Dispose();
        _indexLoad.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
    }

    /// <summary>
    /// An FTS5 query, null when there is no term. With <paramref name="minimumTerms"/> of 2 or more, a passage must
    /// hold that many of the (at most eight) distinct terms: an OR of AND-groups, which also spares ranking the
    /// thousands of passages that share one common word. Otherwise every term OR-ed, plus adjacent pairs as
    /// phrases so "north korea" outranks a passage on "North Africa".
    /// </summary>
    internal static string? FtsQuery(string? text, int? minimumTerms = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var ordered = LexicalAnalyzer.Terms(text);
        if (ordered.Count == 0) return null;
        var distinct = ordered.Distinct().Take(8).ToList();
        int k = Math.Min(minimumTerms ?? 1, distinct.Count);
        if (k >= 2)
        {
            var groups = Combinations(distinct, k).Select(group => "(" + string.Join(" AND ", group.Select(Quote)) + ")");
            return string.Join(" OR ", groups);
        }

        var clauses = distinct.Select(Quote).ToList();
        for (int i = 0; i + 1 < ordered.Count; i++) clauses.Add(Quote(ordered[i] + " " + ordered[i + 1]));
        return string.Join(" OR ", clauses.Distinct());

        static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static IEnumerable<List<string>> Combinations(List<string> items, int k, int start = 0)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }

        for (int i = start; i <= items.Count - k; i++)
        {
            foreach (var rest in Combinations(items, k - 1, i + 1)) yield return [items[i], .. rest];
        }
    }

    /// <summary>The passages matching <paramref name="match"/>, best first, with their BM25 scores (higher is better).</summary>
    private static async Task<List<(long RowId, double Score)>> LexicalAsync(SqliteConnection connection, string match, ChunkFilter filter, int limit, CancellationToken ct)
    {
        var sql = new StringBuilder($"""
            SELECT c.rowid, -bm25(chunks_fts, 1.0, {QuestionColumnWeight.ToString(CultureInfo.InvariantCulture)}) FROM chunks_fts f JOIN chunks c ON c.rowid = f.rowid
            WHERE chunks_fts MATCH $match
            """);
        await using var cmd = connection.CreateCommand();
        cmd.Parameters.AddWithValue("$match", match);
        AppendFilter(sql, cmd, filter);
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY bm25(chunks_fts, 1.0, {QuestionColumnWeight}) LIMIT $limit");
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.CommandText = sql.ToString();
        var ids = new List<(long, double)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add((reader.GetInt64(0), reader.GetDouble(1)));
        return ids;
    }

    private static void AppendFilter(StringBuilder sql, SqliteCommand cmd, ChunkFilter filter)
    {
        void In(string column, string prefix, IEnumerable<string> values)
        {
            var names = new List<string>();
            foreach (var v in values)
            {
                var name = $"${prefix}{names.Count}";
                cmd.Parameters.AddWithValue(name, v);
                names.Add(name);
            }

            sql.Append(CultureInfo.InvariantCulture, $" AND c.{column} IN ({(names.Count == 0 ? "NULL" : string.Join(',', names))})");
        }

        if (filter.Roles is { } roles) In("role", "role", roles.Select(RoleName));
        if (filter.Speakers is { } speakers) In("speaker", "speaker", speakers);
        if (filter.DocumentIds is { } ids) In("document_id", "doc", ids);
        if (filter.From is { } from)
        {
            sql.Append(" AND c.date_to >= $from");
            cmd.Parameters.AddWithValue("$from", DateKey(from));
        }

        if (filter.To is { } to)
        {
            sql.Append(" AND c.date_from <= $to");
            cmd.Parameters.AddWithValue("$to", DateKey(to));
        }
    }

    private static async Task<Dictionary<long, (Chunk Chunk, DocumentInfo Document, byte[]? Vector)>> LoadChunksAsync(SqliteConnection connection, List<long> rowIds, CancellationToken ct)
    {
        var result = new Dictionary<long, (Chunk, DocumentInfo, byte[]?)>();
        if (rowIds.Count == 0) return result;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT c.rowid, c.id, c.document_id, c.version, c.ordinal, c.turn_index, c.start, c.end, c.text, c.speaker, c.role, c.post, c.question,
                   d.title, d.date, d.year, d.place, d.url, d.source, d.format, c.vector
            FROM chunks c JOIN documents d ON d.id = c.document_id
            WHERE c.rowid IN ({string.Join(',', rowIds)})
            """;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var chunk = new Chunk
            {
                Id = Guid.Parse(reader.GetString(1)),
                DocumentId = reader.GetString(2),
                DocumentVersion = reader.GetString(3),
                Ordinal = reader.GetInt32(4),
                TurnIndex = reader.GetInt32(5),
                Start = reader.GetInt32(6),
                End = reader.GetInt32(7),
                Text = reader.GetString(8),
                Speaker = reader.GetString(9),
                Role = ParseRole(reader.GetString(10)),
                Post = TextAt(reader, 11),
                Question = TextAt(reader, 12),
            };
            var document = new DocumentInfo
            {
                Id = chunk.DocumentId,
                Title = reader.GetString(13),
                Date = DateAt(reader, 14),
                Year = IntAt(reader, 15),
                Place = TextAt(reader, 16),
                Url = TextAt(reader, 17),
                Source = reader.GetString(18),
                Format = reader.GetString(19),
            };
            result[reader.GetInt64(0)] = (chunk, document, reader.IsDBNull(20) ? null : (byte[])reader.GetValue(20));
        }

        return result;
    }

    /// <inheritdoc />
    /// <remarks>Builds the vector index (clustering a large store) and writes its file, so the next process starts fast.</remarks>
    private async Task PrepareSearchCoreAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await DenseIndexAsync(connection, cancellationToken);
    }

    /// <summary>
    /// The vector index of the store's current generation: the one in memory, else the index file when it was built
    /// from this generation, else rebuilt from the chunks table (reusing the file's clusters while the store has
    /// neither doubled nor halved) and written back to the file. One load at a time; concurrent searches wait for it.
    /// </summary>
    private async Task<DenseIndex> DenseIndexAsync(SqliteConnection connection, CancellationToken ct)
    {
        var (storeId, generation) = StoreVersion(connection, null);
        lock (_indexLock)
        {
            if (_dense is { } current && current.Generation == generation && current.StoreId == storeId) return current;
        }

        await _indexLoad.WaitAsync(ct);
        try
        {
            lock (_indexLock)
            {
                if (_dense is { } current && current.Generation == generation && current.StoreId == storeId) return current;
            }

            string reason = "the store has no id yet";
            var loaded = storeId.Length == 0 ? null : DenseIndexFile.TryRead(IndexPath, storeId, generation, _indexOptions, out reason);
            if (loaded is not null)
            {
                IndexSource = "file";
                _logger.LogDebug("Read {Count} vectors of generation {Generation} from {Path}", loaded.Count, generation, IndexPath);
            }
            else
            {
                if (File.Exists(IndexPath))
                {
                    if (reason.Contains("damaged", StringComparison.Ordinal) || reason.Contains("inconsistent", StringComparison.Ordinal))
                        _logger.LogWarning("The vector index file {Path} was not used: {Reason}. Rebuilding it from the database", IndexPath, reason);
                    else _logger.LogInformation("Rebuilding the vector index from the database: the index file was not used ({Reason})", reason);
                }
                loaded = await BuildIndexAsync(connection, ct);
                IndexSource = "database";
            }

            lock (_indexLock)
            {
                if (_dense is null || _dense.StoreId != loaded.StoreId || _dense.Generation < loaded.Generation) _dense = loaded;
                return _dense;
            }
        }
        finally
        {
            _indexLoad.Release();
        }
    }

    private async Task<DenseIndex> BuildIndexAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var tx = connection.BeginTransaction(deferred: true); // a read snapshot: the generation and the rows agree
        var (storeId, generation) = StoreVersion(connection, tx);
        var rows = await DenseIndexFile.ReadRowsAsync(connection, tx, ct);
        await tx.CommitAsync(ct);

        var previous = _dense is { Centroids: { } c } old && old.StoreId == storeId && old.Dimensions == rows.Dimensions
            ? (c, old.TrainedCount)
            : storeId.Length == 0 ? null : DenseIndexFile.TryReadCentroids(IndexPath, storeId, rows.Dimensions);
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        var index = DenseIndex.Build(storeId, generation, rows, _indexOptions, previous);
        _logger.LogDebug("Built the vector index of generation {Generation}: {Count} vectors, {Lists} clusters, in {Milliseconds:F0} ms",
            generation, index.Count, Math.Max(0, index.ListStarts.Length - 1), System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (storeId.Length > 0)
        {
            try
            {
                DenseIndexFile.Write(IndexPath, index);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Only a cache: the next process rebuilds it.
                _logger.LogWarning("Could not write the vector index file {Path}: {Message}", IndexPath, e.Message);
            }
        }

        return index;
    }

    private static (string StoreId, long Generation) StoreVersion(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var cmd = Command(connection, "SELECT key, value FROM meta WHERE key IN ('store_id', 'generation')");
        cmd.Transaction = tx;
        using var reader = cmd.ExecuteReader();
        string storeId = "";
        long generation = 0;
        while (reader.Read())
        {
            if (reader.GetString(0) == "store_id") storeId = reader.GetString(1);
            else generation = long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        }

        return (storeId, generation);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -32768;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw Corrupt(e);
        }
    }

    /// <summary>
    /// What a damaged file makes a read throw: SQLite's own corruption codes, or a value no writer of this store
    /// writes (a date out of range, a number where text was, broken JSON), which page-level damage produces.
    /// </summary>
    private static bool IsDamage(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 11 or 26,
        ArgumentOutOfRangeException or FormatException or JsonException or InvalidCastException or OverflowException or IndexOutOfRangeException => true,
        _ => false,
    };

    /// <summary>A one-line report naming the file and what <c>PRAGMA quick_check</c> finds in it.</summary>
    private StoreException Damaged(Exception e)
    {
        var check = QuickCheck();
        var cause = e is SqliteException ? e.Message.TrimEnd('.') : $"a row could not be read: {e.Message.ReplaceLineEndings(" ").TrimEnd('.')}";
        return new StoreException(
            $"The store file {DatabasePath} is damaged ({cause}); PRAGMA quick_check: {check}. Restore it from a backup, or move the data folder aside and ingest again.", e);
    }

    /// <summary>The first findings of <c>PRAGMA quick_check</c> on one line, or why it could not run.</summary>
    internal string QuickCheck()
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA quick_check(3)";
            using var reader = cmd.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read()) lines.Add(reader.GetString(0).ReplaceLineEndings(" "));
            return string.Join("; ", lines);
        }
        catch (SqliteException e)
        {
            return $"could not run ({e.Message.TrimEnd('.')})";
        }
    }

    private StoreException Corrupt(SqliteException e) => e.SqliteErrorCode switch
    {
        11 => Damaged(e),
        26 => new StoreException($"The store file {DatabasePath} is not a usable ChatBot database ({e.Message.TrimEnd('.')}). Move it aside or delete it, then ingest again to rebuild the index.", e),
        14 => new StoreException($"The store file {DatabasePath} cannot be opened ({e.Message.TrimEnd('.')}). Check that its folder exists and is writable.", e),
        _ => new StoreException($"The store {DatabasePath} failed: {e.Message}", e),
    };

    private static void BumpGeneration(SqliteConnection connection, SqliteTransaction tx) =>
        Execute(connection, tx, "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'");

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() switch { null or DBNull => null, var v => Convert.ToString(v, CultureInfo.InvariantCulture) };
    }

    private static DateOnly? DateAt(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateOnly.ParseExact(reader.GetString(column), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? TextAt(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static int? IntAt(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt32(column);

    internal static string RoleName(SpeakerRole role) => role switch
    {
        SpeakerRole.Principal => "principal",
        SpeakerRole.Question => "question",
        _ => "other",
    };

    internal static SpeakerRole ParseRole(string role) => role switch
    {
        "principal" => SpeakerRole.Principal,
        "question" => SpeakerRole.Question,
        _ => SpeakerRole.Other,
    };

    /// <summary>A date as a sortable integer yyyymmdd.</summary>
    internal static int? DateKey(DateOnly? date) => date is { } d ? d.Year * 10000 + d.Month * 100 + d.Day : null;

    private static DateOnly FromDateKey(int key) => new(key / 10000, key / 100 % 100, key % 100);
}
