using System.Diagnostics;
using ChatBot.Model;
using ChatBot.Storage;
using ChatBot.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Retrieval;

/// <summary>
/// Hybrid quote search: reads the query (<see cref="QueryAnalyzer"/>), ranks chunks by BM25 and, when an embedder
/// is configured, by vector, fused in the store; keeps one passage per answer turn; and cuts each passage down to
/// its best 1-3 sentences (<see cref="QuoteSelector"/>). Default results are principal statements only, never a
/// journalist's question. Thread-safe.
/// </summary>
public sealed partial class SearchService : ISearchService
{
    private static readonly TimeSpan s_cacheLifetime = TimeSpan.FromMinutes(2);
    private static readonly SpeakerRole[] s_principalOnly = [SpeakerRole.Principal];

    private readonly ITranscriptStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;
    private readonly ILogger _logger;
    private readonly Lock _cacheLock = new();
    private QueryContext? _cache;
    private Task<QueryContext>? _refresh;
    private int _cacheGeneration;

    /// <summary>Creates the service; without <paramref name="embedder"/> search is BM25 only.</summary>
    public SearchService(ITranscriptStore store, IEmbeddingGenerator<string, Embedding<float>>? embedder = null, ILogger<SearchService>? logger = null)
    {
        _store = store;
        _embedder = embedder;
        _logger = logger ?? NullLogger<SearchService>.Instance;
    }

    /// <summary>Whether the dense ranking is available.</summary>
    public bool UsesVectors => _embedder is not null;

    /// <summary>The store searched.</summary>
    public ITranscriptStore Store => _store;

    /// <summary>The embedder, if any.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder => _embedder;

    /// <summary>Loads the speakers, documents and places that queries are read against, ahead of the first search.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken = default) => DirectoryAsync(cancellationToken);

    /// <summary>Forgets cached speakers and documents (call after ingesting in the same process).</summary>
    public void InvalidateCaches()
    {
        lock (_cacheLock)
        {
            _cache = null;
            _refresh = null;
            _cacheGeneration++;
        }
    }

    /// <inheritdoc />
    public async Task<SearchResponse> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        Validate(query);
        long started = Stopwatch.GetTimestamp();
        var (_, speakers, documents, places, offices) = await DirectoryAsync(cancellationToken);

        var analyzed = query.Interpret ? QueryAnalyzer.Analyze(query.Query, speakers, places, offices) : new AnalyzedQuery(query.Query.Trim(), null, null, null);
        IReadOnlyList<string>? speakerFilter = query.Speaker is { Length: > 0 } typed ? speakers.Resolve(typed) : analyzed.Speakers;
        var from = query.From ?? analyzed.From;
        var to = query.To ?? analyzed.To;
        var topic = analyzed.Topic.Length > 0 ? analyzed.Topic : query.Query.Trim();
        IReadOnlyCollection<string>? documentIds = null;
        if (query.Source is { Length: > 0 } source)
        {
            var needle = source.Replace('\\', '/');
            documentIds = documents.Where(d => d.Source.Replace('\\', '/').Contains(needle, StringComparison.OrdinalIgnoreCase)).Select(d => d.Id).ToList();
        }

        if (analyzed.Places is { } named)
        {
            var atPlace = documents.Where(d => d.Place is { } p && named.Any(n => p.StartsWith(n, StringComparison.OrdinalIgnoreCase))).Select(d => d.Id);
            documentIds = documentIds is null ? atPlace.ToList() : documentIds.Intersect(atPlace).ToList();
        }

        bool useVectors = _embedder is not null && query.UseVectors;
        var interpretation = new QueryInterpretation(topic, speakerFilter, from, to, useVectors)
        {
            DisplayTopic = analyzed.Topic.Length > 0 ? analyzed.DisplayTopic : topic,
        };
        if (speakerFilter is { Count: 0 } || documentIds is { Count: 0 } || (from > to))
            return new SearchResponse(query.Query, interpretation, []);

        ReadOnlyMemory<float>? vector = null;
        if (useVectors) vector = (await _embedder!.GenerateAsync([interpretation.DisplayTopic], EmbeddingInput.Queries(), cancellationToken))[0].Vector;

        var filter = new ChunkFilter
        {
            Roles = query.Roles ?? s_principalOnly,
            Speakers = speakerFilter,
            From = from,
            To = to,
            DocumentIds = documentIds,
        };
        var hits = await RankAsync(topic, query.UseKeywords, vector, filter, Math.Max(50, query.Limit * 10), cancellationToken);

        var chosen = Diversify(hits, query.Limit);

        var results = CutQuotes(chosen, topic);
        LogSearch(_logger, chosen.Count, hits.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new SearchResponse(query.Query, interpretation, results) { TopicVector = vector };
    }

    /// <summary>
    /// Diverse results: first one passage per turn (five windows of one answer are one result); only when that
    /// leaves fewer than <paramref name="limit"/>, further passages of the same turns (a long speech is one turn, and
    /// a question about one speech may match nothing else), never overlapping or next to one already chosen.
    /// Identical passages stored under two paths (a copied file) count once.
    /// </summary>
    private static List<ChunkHit> Diversify(List<ChunkHit> hits, int limit)
    {
        var chosen = new List<ChunkHit>();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var perTurn in new[] { 1, limit })
        {
            foreach (var hit in hits)
            {
                if (chosen.Count == limit) break;
                if (chosen.Contains(hit) || texts.Contains(hit.Chunk.Text)) continue;
                var sameTurn = chosen.Where(c => c.Chunk.DocumentId == hit.Chunk.DocumentId && c.Chunk.TurnIndex == hit.Chunk.TurnIndex).ToList();
                if (sameTurn.Count >= perTurn) continue;
                if (sameTurn.Any(c => Math.Abs(c.Chunk.Ordinal - hit.Chunk.Ordinal) <= 1 || (c.Chunk.Start < hit.Chunk.End && hit.Chunk.Start < c.Chunk.End))) continue;
                chosen.Add(hit);
                texts.Add(hit.Chunk.Text);
            }
        }

        // Keep the ranking's order.
        return hits.Where(chosen.Contains).ToList();
    }

    /// <summary>
    /// The keyword and vector rankings, fused by reciprocal rank. A keyword hit must carry enough of the topic's
    /// terms (all of one or two, two of three, half of more: "minimum should match"), so that a passage sharing only
    /// a common word ("crisis" of "DPRK crisis") cannot outvote the passages the vector ranking found by meaning.
    /// </summary>
    private async Task<List<ChunkHit>> RankAsync(string topic, bool useKeywords, ReadOnlyMemory<float>? vector, ChunkFilter filter, int candidates, CancellationToken ct)
    {
        var stems = Stemmer.Stems(topic);
        // The two rankings run side by side (the embedded store answers synchronously, so each gets its own thread).
        var lexicalTask = useKeywords && stems.Count > 0
            ? Task.Run(() => _store.SearchAsync(new ChunkSearchRequest
            {
                Text = topic, Filter = filter, Limit = candidates, CandidatesPerRanking = candidates,
                MinimumTermsMatched = (int)Math.Ceiling(TermMatcher.Required(stems.Count) * Math.Min(stems.Count, 8) - 1e-9),
            }, ct), ct)
            : Task.FromResult<IReadOnlyList<ChunkHit>>([]);
        var denseTask = vector is { } v
            ? Task.Run(() => _store.SearchAsync(new ChunkSearchRequest { Vector = v, Filter = filter, Limit = candidates, CandidatesPerRanking = candidates }, ct), ct)
            : Task.FromResult<IReadOnlyList<ChunkHit>>([]);
        double required = TermMatcher.Required(stems.Count);
        var lexical = (await lexicalTask)
            .Where(h => TermMatcher.Coverage(stems, h.Chunk.Question is null ? h.Chunk.Text : h.Chunk.Text + "\n" + h.Chunk.Question) >= required - 1e-9)
            .ToList();
        var dense = await denseTask;

        var byId = new Dictionary<Guid, ChunkHit>();
        foreach (var h in dense.Concat(lexical)) byId.TryAdd(h.Chunk.Id, h); // the vector ranking's hit carries the similarity
        var fused = ReciprocalRankFusion.Fuse([lexical.Select(h => h.Chunk.Id).ToList(), dense.Select(h => h.Chunk.Id).ToList()]);
        return fused.Select(f => byId[f.Key] with { Score = f.Score, LexicalRank = f.Ranks[0], DenseRank = f.Ranks[1] }).ToList();
    }

    /// <summary>
    /// The quote of each passage: its best 1-3 sentences by the topic's words when it carries enough of them; a passage
    /// found by meaning alone is quoted whole (at most one chunk), since no sentence of it can be shown to be the one
    /// that answers, and cutting it by guess loses the answer more often than it sharpens it.
    /// </summary>
    private static List<QuoteResult> CutQuotes(List<ChunkHit> hits, string topic)
    {
        var terms = Stemmer.Stems(topic);
        var required = TermMatcher.Required(terms.Count);
        var results = new List<QuoteResult>(hits.Count);
        for (int i = 0; i < hits.Count; i++)
        {
            var (chunk, document, score, _, _) = hits[i];
            var span = terms.Count > 0 && TermMatcher.Coverage(terms, chunk.Text) >= required - 1e-9
                ? QuoteSelector.Select(chunk.Text, terms)
                : QuoteSelector.Whole(chunk.Text);
            results.Add(new QuoteResult
            {
                Text = span.Of(chunk.Text),
                Speaker = chunk.Speaker,
                Post = chunk.Post,
                Role = chunk.Role,
                Start = chunk.Start + span.Start,
                End = chunk.Start + span.End,
                Score = Math.Round(score, 6),
                Question = chunk.Question,
                Document = document,
                ChunkId = chunk.Id,
                TurnIndex = chunk.TurnIndex,
                VectorSimilarity = hits[i].VectorSimilarity,
            });
        }

        return results;
    }

    /// <summary>
    /// The store's speakers, documents, places and office holders, cached. A stale cache is served while a refresh
    /// runs in the background, so no search waits for the listing; after an ingest in this process the cache is dropped.
    /// </summary>
    private async Task<QueryContext> DirectoryAsync(CancellationToken ct)
    {
        Task<QueryContext> refresh;
        lock (_cacheLock)
        {
            if (_cache is { } c)
            {
                if (DateTime.UtcNow - c.At >= s_cacheLifetime && _refresh is null) StartRefresh();
                return c;
            }

            refresh = _refresh ?? StartRefresh();
        }

        return await refresh.WaitAsync(ct);
    }

    /// <summary>Starts loading the directory on the thread pool; call under the cache lock.</summary>
    private Task<QueryContext> StartRefresh()
    {
        int generation = _cacheGeneration;
        var task = Task.Run(() => LoadDirectoryAsync(generation));
        _refresh = task;
        _ = task.ContinueWith(t =>
        {
            lock (_cacheLock)
            {
                if (ReferenceEquals(_refresh, t)) _refresh = null;
            }
        }, TaskScheduler.Default);
        return task;
    }

    private async Task<QueryContext> LoadDirectoryAsync(int generation)
    {
        var speakers = new SpeakerDirectory(await _store.ListSpeakersAsync());
        var documents = await _store.ListDocumentsAsync();
        var places = documents.Select(d => d.Place?.Split(',')[0].Trim()).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var loaded = new QueryContext(DateTime.UtcNow, speakers, documents, places, OfficeDirectory.FromTitles(documents, speakers));
        lock (_cacheLock)
        {
            if (generation == _cacheGeneration) _cache = loaded; // an ingest since the start makes this listing stale
        }

        return loaded;
    }

    /// <summary>What queries are read against: the store's speakers, documents, places and who held which office.</summary>
    private sealed record QueryContext(DateTime At, SpeakerDirectory Speakers, IReadOnlyList<DocumentSummary> Documents, IReadOnlyList<string> Places, OfficeDirectory Offices);

    private static void Validate(SearchQuery query)
    {
        SearchQuery.CheckText(query.Query, "query", nameof(query));
        if (query.Limit is < 1 or > SearchQuery.MaxLimit)
            throw new ArgumentException($"The limit must be between 1 and {SearchQuery.MaxLimit}; it was {query.Limit}.", nameof(query));
        if (query.From is { } f && query.To is { } t && f > t)
            throw new ArgumentException($"The date range is empty: from {f:yyyy-MM-dd} is after to {t:yyyy-MM-dd}.", nameof(query));
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Search returned {Results} quotes from {Hits} hits in {Milliseconds:F1} ms")]
    private static partial void LogSearch(ILogger logger, int results, int hits, double milliseconds);
}
