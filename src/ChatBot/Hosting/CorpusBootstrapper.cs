using ChatBot.Ingestion;
using ChatBot.Retrieval;
using ChatBot.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Hosting;

/// <summary>Opens the store and, on first run with an empty store, ingests the configured corpus (the samples).</summary>
public sealed partial class CorpusBootstrapper(
    ITranscriptStore store, IngestionPipeline pipeline, SearchService search, AppPaths paths, IOptions<ChatBotOptions> options, ILogger<CorpusBootstrapper> logger)
{
    /// <summary>Initialises the store; returns the ingest summary when the corpus was ingested now, else null.</summary>
    /// <exception cref="StoreException">The store is unusable.</exception>
    public async Task<IngestionSummary?> EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(paths.DataDirectory);
        await store.InitializeAsync(cancellationToken);
        var stats = await store.GetStatisticsAsync(cancellationToken);
        if (stats.Documents > 0 || options.Value.Corpus.Count == 0) return null;

        var corpus = options.Value.Corpus.Select(paths.Resolve).ToList();
        LogFirstRun(logger, string.Join(", ", corpus));
        var summary = await pipeline.IngestAsync(corpus, cancellationToken: cancellationToken);
        search.InvalidateCaches();
        return summary;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "The store is empty: ingesting {Corpus}")]
    private static partial void LogFirstRun(ILogger logger, string corpus);
}
