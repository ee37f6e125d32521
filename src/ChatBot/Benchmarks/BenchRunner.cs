using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using ChatBot.Answering;
using ChatBot.Api;
using ChatBot.Embeddings;
using ChatBot.Hosting;
using ChatBot.Ingestion;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.AI;

namespace ChatBot.Benchmarks;

/// <summary>
/// Ingests a corpus into a fresh store and measures what users feel: ingest throughput, index size, peak memory,
/// cold start to the first answer (a new process), and search and ask latency in process and over HTTP on
/// loopback with concurrent clients.
/// </summary>
public sealed class BenchRunner(IReadOnlyList<string> corpus, string dataDirectory, TextWriter log)
{
    /// <summary>Sequential requests per in-process measurement.</summary>
    public int Requests { get; init; } = 200;

    /// <summary>Concurrent HTTP clients.</summary>
    public int HttpClients { get; init; } = 4;

    /// <summary>Measure an existing store as it is instead of ingesting into a fresh one (ingest figures are then absent).</summary>
    public bool ReuseStore { get; init; }

    /// <summary>Runs the benchmark.</summary>
    public async Task<BenchReport> RunAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(dataDirectory);
        if (!ReuseStore)
        {
            // A fresh store and a cold embedding cache: the ingest figures include embedding every passage.
            foreach (var stale in new[] { "chatbot.db*", "chatbot.vectors", "embeddings.db*" }.SelectMany(p => Directory.EnumerateFiles(dataDirectory, p)))
                File.Delete(stale);
        }

        await using var app = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatBot:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:ChatBot"] = "Warning",
            // The bench measures latency, not the API's rate limits (which would answer 429 to its bursts).
            ["ChatBot:Api:Search:PermitLimit"] = "0",
            ["ChatBot:Api:Ask:PermitLimit"] = "0",
        }));
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        var services = app.Services;
        var store = services.GetRequiredService<ITranscriptStore>();
        var embedder = services.GetRequiredService<EmbedderProvider>();

        BenchIngest? ingest = null;
        if (!ReuseStore)
        {
            log.WriteLine($"Ingesting {string.Join(", ", corpus)} into {store.Description} (encoder: {embedder.Status})");
            var summary = await services.GetRequiredService<IngestionPipeline>().IngestAsync(corpus, cancellationToken: ct);
            double seconds = summary.Elapsed.TotalSeconds;
            ingest = new BenchIngest(summary.DocumentsWritten, summary.ChunksWritten, summary.Skipped.Count, Math.Round(seconds, 2),
                Math.Round(summary.DocumentsWritten / seconds, 1), Math.Round(summary.ChunksWritten / seconds, 1));
            log.WriteLine($"  {ingest.Documents} documents, {ingest.Chunks} chunks in {ingest.Seconds} s ({ingest.ChunksPerSecond} chunks/s)");
        }

        services.GetRequiredService<SearchService>().InvalidateCaches();
        var stats = await store.GetStatisticsAsync(ct);
        log.WriteLine($"  store: {stats.Documents} documents, {stats.Chunks} chunks, {stats.SizeBytes:N0} bytes");

        var search = services.GetRequiredService<ISearchService>();
        var answers = services.GetRequiredService<IAnswerService>();
        log.WriteLine("Measuring in-process search and ask...");
        var searchInProcess = await MeasureAsync(Requests, i => search.SearchAsync(new SearchQuery { Query = BenchQueries.All[i % BenchQueries.All.Count] }, ct));
        var askInProcess = await MeasureAsync(Requests / 2, i => answers.AskAsync(BenchQueries.All[i % BenchQueries.All.Count], cancellationToken: ct));

        await app.StartAsync(ct);
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        log.WriteLine($"Measuring over HTTP at {address}, one client, then {HttpClients} concurrent clients...");
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var searchHttpOne = await MeasureHttpAsync(http, "/api/search", q => new { query = q }, 1, ct);
        var askHttpOne = await MeasureHttpAsync(http, "/api/ask", q => new { question = q }, 1, ct);
        var searchHttp = await MeasureHttpAsync(http, "/api/search", q => new { query = q }, HttpClients, ct);
        var askHttp = await MeasureHttpAsync(http, "/api/ask", q => new { question = q }, HttpClients, ct);

        double? vectorRecall = null;
        if (embedder.Embedder is { } queryEmbedder)
        {
            log.WriteLine("Measuring the vector index against an exact scan...");
            vectorRecall = await VectorIndexRecallAsync(store, queryEmbedder, ct);
        }

        log.WriteLine("Measuring cold start (a new process answering one question)...");
        var coldStart = await ColdStartAsync(ct);
        BenchEncoder? encoder = null;
        if (embedder.ModelDirectory is { } model)
        {
            log.WriteLine("Measuring the sentence encoder alone...");
            var samples = Directory.EnumerateFiles(Path.Combine(AppPaths.DefaultContentRoot(), "samples")).Select(File.ReadAllText).ToList();
            var e = await EncoderBenchmark.RunAsync(model, new EncoderBenchmarkOptions { SampleTexts = samples.Count > 0 ? samples : null }, ct);
            encoder = new BenchEncoder(Math.Round(e.PassagesPerSecond, 1), Math.Round(e.MeanTokensPerPassage, 1), Math.Round(e.QueryP50Milliseconds, 2),
                Math.Round(e.QueryP95Milliseconds, 2), Math.Round(e.LoadMilliseconds, 0), e.InstructionSet, Math.Round(e.CoresUsed, 2));
        }

        BenchEmbedder? configured = null;
        if (embedder.Embedder is { } generator)
        {
            log.WriteLine("Measuring the configured embedder...");
            configured = await MeasureEmbedderAsync(generator, ct);
        }

        return new BenchReport
        {
            Machine = new BenchMachine(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, DateTime.UtcNow.ToString("yyyy-MM-dd")),
            Corpus = ReuseStore ? [$"(the store already in {dataDirectory})"] : corpus,
            Store = store.Description,
            Encoder = embedder.Status,
            Ingest = ingest,
            Documents = stats.Documents,
            Chunks = stats.Chunks,
            IndexBytes = stats.SizeBytes,
            PeakMemoryBytes = Process.GetCurrentProcess().PeakWorkingSet64,
            ColdStartMs = coldStart,
            Search = new BenchLatencies(searchInProcess, searchHttp) { HttpOneClient = searchHttpOne },
            Ask = new BenchLatencies(askInProcess, askHttp) { HttpOneClient = askHttpOne },
            VectorRecallAt50 = vectorRecall,
            HttpClients = HttpClients,
            EncoderBenchmark = encoder,
            Embedder = configured,
        };
    }

    /// <summary>Passages of about 80 words from the samples, embedded in batches as ingest does; then the benchmark questions one at a time, as queries.</summary>
    private static async Task<BenchEmbedder> MeasureEmbedderAsync(IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken ct)
    {
        var words = Directory.EnumerateFiles(Path.Combine(AppPaths.DefaultContentRoot(), "samples"))
            .SelectMany(f => File.ReadAllText(f).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();
        var passages = Enumerable.Range(0, 256).Select(i => string.Join(' ', words.Skip(i * 80 % Math.Max(1, words.Count - 80)).Take(80))).ToList();
        await generator.GenerateAsync(passages.Take(16).ToList(), cancellationToken: ct);
        var wall = Stopwatch.StartNew();
        foreach (var batch in passages.Chunk(64)) await generator.GenerateAsync(batch, cancellationToken: ct);
        double perSecond = passages.Count / wall.Elapsed.TotalSeconds;

        var samples = new List<double>();
        for (int i = 0; i < 100; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await generator.GenerateAsync([BenchQueries.All[i % BenchQueries.All.Count]], EmbeddingInput.Queries(), ct);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var latency = LatencyStats.From(samples, 1);
        var meta = generator.GetService<EmbeddingGeneratorMetadata>();
        return new BenchEmbedder(meta?.DefaultModelId ?? generator.GetType().Name, meta?.DefaultModelDimensions, Math.Round(perSecond, 1), latency.P50Ms, latency.P95Ms);
    }

    private static async Task<LatencyStats> MeasureAsync<T>(int count, Func<int, Task<T>> call)
    {
        for (int i = 0; i < Math.Min(10, count); i++) await call(i); // warm-up
        var samples = new List<double>(count);
        var wall = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await call(i);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return LatencyStats.From(samples, wall.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// How much of the exact vector ranking (top 50 of principal statements, for each benchmark question embedded
    /// whole) the store's own, possibly approximate, vector search returns: 1 means no loss.
    /// </summary>
    private static async Task<double?> VectorIndexRecallAsync(ITranscriptStore store, IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken ct)
    {
        double sum = 0;
        int counted = 0;
        var vectors = await embedder.GenerateAsync(BenchQueries.All, cancellationToken: ct);
        foreach (var embedding in vectors)
        {
            var request = new ChunkSearchRequest { Vector = embedding.Vector, Filter = new ChunkFilter { Roles = [SpeakerRole.Principal] }, Limit = 50, CandidatesPerRanking = 50 };
            var exact = (await store.SearchAsync(request with { ExactVectorSearch = true }, ct)).Select(h => h.Chunk.Id).ToHashSet();
            if (exact.Count == 0) continue;
            var approximate = await store.SearchAsync(request, ct);
            sum += approximate.Count(h => exact.Contains(h.Chunk.Id)) / (double)exact.Count;
            counted++;
        }

        return counted == 0 ? null : Math.Round(sum / counted, 3);
    }

    private async Task<LatencyStats> MeasureHttpAsync(HttpClient http, string path, Func<string, object> body, int clients, CancellationToken ct)
    {
        for (int i = 0; i < 5; i++) (await http.PostAsJsonAsync(path, body(BenchQueries.All[i]), ct)).EnsureSuccessStatusCode();
        var samples = new ConcurrentBag<double>();
        int perClient = Math.Max(1, Requests / clients / (path.EndsWith("ask", StringComparison.Ordinal) ? 2 : 1));
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            for (int i = 0; i < perClient; i++)
            {
                var query = BenchQueries.All[(client * 7 + i) % BenchQueries.All.Count];
                long start = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync(path, body(query), ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                response.EnsureSuccessStatusCode();
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        return LatencyStats.From(samples.ToArray(), wall.Elapsed.TotalSeconds);
    }

    /// <summary>Wall time of a fresh process running <c>ask</c> on the benchmark's store, from start to exit.</summary>
    private async Task<double?> ColdStartAsync(CancellationToken ct)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ChatBot.dll");
        var host = Environment.ProcessPath;
        if (!File.Exists(dll) || host is null) return null;
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!Path.GetFileNameWithoutExtension(host).Equals("ChatBot", StringComparison.OrdinalIgnoreCase)) info.ArgumentList.Add(dll);
        foreach (var a in new[] { "ask", BenchQueries.All[0], "--data", dataDirectory }) info.ArgumentList.Add(a);
        var best = double.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            long start = Stopwatch.GetTimestamp();
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            await output;
            await errors;
            if (process.ExitCode != 0) return null;
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Math.Round(best, 0);
    }
}
