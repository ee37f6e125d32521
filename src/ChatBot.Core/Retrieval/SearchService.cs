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
    private readonly RelevancePolicy _relevance;
    private readonly ChatBot.Language.IQueryTranslator? _translator;
    private readonly ILogger _logger;
    private readonly Lock _cacheLock = new();
    private QueryContext? _cache;
    private Task<QueryContext>? _refresh;
    private int _cacheGeneration;

    /// <summary>Creates the service; without <paramref name="embedder"/> search is BM25 only.</summary>
    public SearchService(ITranscriptStore store, IEmbeddingGenerator<string, Embedding<float>>? embedder = null, ILogger<SearchService>? logger = null,
        RelevancePolicy? relevance = null, ChatBot.Language.IQueryTranslator? translator = null)
    {
        _translator = translator;
        _store = store;
        _embedder = embedder;
        _relevance = relevance ?? RelevancePolicy.Default;
        _logger = logger ?? NullLogger<SearchService>.Instance;
    }

    /// <summary>Whether the dense ranking is available.</summary>
    public bool UsesVectors => _embedder is not null;

    /// <summary>The store's speaker names as last listed (empty before the first search), for matching names typed in another script.</summary>
    public IReadOnlyCollection<string> KnownSpeakers => _cache?.Speakers.Names ?? [];

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

        var (text, translation) = await TranslateAsync(query.Query, cancellationToken);
        var analyzed = query.Interpret ? QueryAnalyzer.Analyze(text, speakers, places, offices) : new AnalyzedQuery(text.Trim(), null, null, null);
        IReadOnlyList<string>? speakerFilter = query.Speaker is { Length: > 0 } typed ? speakers.Resolve(typed) : analyzed.Speakers;
        var from = query.From ?? analyzed.From;
        var to = query.To ?? analyzed.To;
        var topic = analyzed.Topic.Length > 0 ? analyzed.Topic : text.Trim();
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
            TopicAsWritten = analyzed.Topic.Length > 0 && analyzed.TopicAsWritten && translation is null,
            Translation = translation,
            NewestFirst = analyzed.NewestFirst,
        };
        if (speakerFilter is { Count: 0 } || documentIds is { Count: 0 } || (from > to))
            return new SearchResponse(query.Query, interpretation, []) { DocumentsSearched = documents.Count };

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
        // One call: the store ranks by keywords and by vector and fuses the two (in process or on its server).
        var stems = Stemmer.Stems(topic);
        int candidates = _relevance.CandidatesFor(query.Limit);
        var words = LexicalAnalyzer.Terms(topic).Distinct(StringComparer.Ordinal).ToList();
        var counting = _store.CountPassagesWithWordsAsync(words, cancellationToken);
        var hits = await _store.SearchAsync(new ChunkSearchRequest
        {
            Text = query.UseKeywords && stems.Count > 0 ? topic : null,
            Vector = vector,
            Filter = filter,
            Limit = candidates,
            CandidatesPerRanking = candidates,
            MinimumTermsMatched = (int)Math.Ceiling(TermMatcher.Required(stems.Count) * Math.Min(stems.Count, 8) - 1e-9),
        }, cancellationToken);

        // Every statement among the candidates is cut to its quote and judged; the relevance policy orders them, then
        // one passage per answer is kept.
        var rarity = TopicRarity.From(words, await counting);
        var judged = Judge(hits.Where(h => _relevance.IsStatement(h.Chunk)).ToList(), stems, interpretation, rarity);
        // Relayed speech is marked in the chosen quotes only (the detector reads the whole passage, so a cue before the quote counts).
        var ranked = _relevance.Rank(judged, j => j.Passage.Quote.Relevance!);
        var results = ResultDiversity.Choose(ranked, query.Limit, j => j.Passage.Place, query.OnePerTurn)
            .Select(j => j.Passage.Quote with { Relayed = RelayedSpeech.Default.FindWithin(j.ChunkText, j.Span) }).ToList();
        // "Lately", "the latest": the same best results, the newest first (one day's in their ranked order).
        if (interpretation.NewestFirst) results = results.OrderByDescending(r => r.Document.DateTo ?? DateOnly.MinValue).ToList();
        // Whether the question is answered is judged on the same first results whatever the limit, so search and ask agree.
        var window = ResultDiversity.Choose(ranked, AnswerabilityFeatures.Window, j => j.Passage.Place).Select(j => j.Passage.Quote.Relevance!).ToList();
        var answerability = _relevance.JudgeQuestion(window, useVectors);
        LogSearch(_logger, results.Count, hits.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new SearchResponse(query.Query, interpretation, results)
        {
            DocumentsSearched = documents.Count,
            Answerability = answerability,
            Candidates = query.IncludeCandidates ? judged.Select(j => j.Passage).ToList() : null,
        };
    }

    /// <inheritdoc />
    public async Task<QueryInterpretation> InterpretAsync(string query, CancellationToken cancellationToken = default)
    {
        SearchQuery.CheckText(query, "query", nameof(query));
        var (_, speakers, _, places, offices) = await DirectoryAsync(cancellationToken);
        var (text, translation) = await TranslateAsync(query, cancellationToken);
        var analyzed = QueryAnalyzer.Analyze(text, speakers, places, offices);
        return new QueryInterpretation(analyzed.Topic, analyzed.Speakers, analyzed.From, analyzed.To, _embedder is not null)
        {
            DisplayTopic = analyzed.DisplayTopic,
            TopicAsWritten = analyzed.TopicAsWritten && translation is null,
            Translation = translation,
            NewestFirst = analyzed.NewestFirst,
        };
    }

    /// <summary>
    /// A question in a language the corpus is not in (Russian) searched as its English translation; the quotes stay the
    /// transcripts' own words.
    /// </summary>
    /// <summary>
    /// The question in English when it was asked in another language. Where the dictionary's first sense of a word is one
    /// the transcripts never use ("parley" for переговоры, "motheaten" for устаревший), the sense they use most is taken
    /// instead (a phrase counts by its rarest word); it could match nothing. A store that cannot count keeps the first.
    /// </summary>
    private async Task<(string Text, ChatBot.Language.TranslatedQuery? Translation)> TranslateAsync(string query, CancellationToken cancellationToken)
    {
        var translated = _translator?.Translate(query);
        if (translated is not { English.Length: > 0 }) return (query, null);
        if (translated.Ambiguous.Count > 0)
        {
            var words = translated.Ambiguous.SelectMany(a => a.Senses).SelectMany(s => LexicalAnalyzer.Terms(s)).Distinct(StringComparer.Ordinal).ToList();
            var counts = await _store.CountPassagesWithWordsAsync(words, cancellationToken);
            int Uses(string sense) => LexicalAnalyzer.Terms(sense) is { Count: > 0 } terms ? terms.Min(t => counts.Counts.GetValueOrDefault(t)) : 0;
            translated = translated.WithSenses(translated.Ambiguous.Select(a => Uses(a.Senses[0]) > 0 ? a.Senses[0] : a.Senses.MaxBy(Uses)!).ToList());
        }

        return (translated.English, translated);
    }

    /// <summary>
    /// The quote of each passage and the policy's verdict on it: its best 1-3 sentences by the topic's words when it
    /// carries enough of them; a passage found by meaning alone is quoted whole (at most one chunk), since no sentence
    /// of it can be shown to be the one that answers, and cutting it by guess loses the answer more often than it
    /// sharpens it.
    /// </summary>
    private List<Judged> Judge(List<ChunkHit> hits, IReadOnlyCollection<string> terms, QueryInterpretation interpretation, TopicRarity rarity)
    {
        var required = TermMatcher.Required(terms.Count);
        // Each passage's stems once: for the quote cut, the best of the candidates and the features.
        var passageStems = hits.Select(h => (IReadOnlySet<string>)Stemmer.Stems(h.Chunk.Text)).ToList();
        var best = BestOfCandidates.Of(hits, passageStems, terms, rarity);
        var judged = new List<Judged>(hits.Count);
        for (int i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var chunk = hit.Chunk;
            var span = terms.Count > 0 && TermMatcher.Coverage(terms, passageStems[i]) >= required - 1e-9
                ? QuoteSelector.Select(chunk.Text, terms)
                : QuoteSelector.Whole(chunk.Text);
            var text = span.Of(chunk.Text);
            judged.Add(new Judged(new JudgedPassage(ResultDiversity.Of(chunk, text), new QuoteResult
            {
                Text = text,
                Speaker = chunk.Speaker,
                Post = chunk.Post,
                Role = chunk.Role,
                Start = chunk.Start + span.Start,
                End = chunk.Start + span.End,
                Score = Math.Round(hit.Score, 6),
                Question = chunk.Question,
                Document = hit.Document,
                ChunkId = chunk.Id,
                TurnIndex = chunk.TurnIndex,
                VectorSimilarity = hit.VectorSimilarity,
                Relevance = _relevance.Judge(hit, text, i + 1, interpretation, terms, best, rarity, passageStems[i]),
            }), chunk.Text, span));
        }

        return judged;
    }

    /// <summary>A judged passage with the chunk's text and the quote's span in it.</summary>
    private sealed record Judged(JudgedPassage Passage, string ChunkText, TextSpan Span);

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
        var summaries = await _store.ListSpeakersAsync();
        var speakers = new SpeakerDirectory(summaries);
        var documents = await _store.ListDocumentsAsync();
        var places = documents.Select(d => d.Place?.Split(',')[0].Trim()).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var loaded = new QueryContext(DateTime.UtcNow, speakers, documents, places, OfficeDirectory.From(documents, speakers, summaries));
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
