using ChatBot.Ingestion;
using ChatBot.Retrieval;
using ChatBot.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Hosting;

/// <summary>
/// Opens the store and gets search ready; on first run with an empty store, ingests the configured corpus (the
/// samples). The sentence encoders load on another thread while the store opens and reads its vector index, so a
/// cold start waits for the longer of the two rather than both.
/// </summary>
public sealed partial class CorpusBootstrapper(
    ITranscriptStore store, EmbedderProvider embedder, IServiceProvider services, AppPaths paths, IOptions<ChatBotOptions> options, ILogger<CorpusBootstrapper> logger)
{
    /// <summary>Initialises the store; returns the ingest summary when the corpus was ingested now, else null.</summary>
    /// <exception cref="StoreException">The store is unusable.</exception>
    /// <exception cref="EncoderUnavailableException">The configured encoder cannot be loaded (never a silent fall-back to keywords).</exception>
    /// <exception cref="IOException">The data directory cannot be created (a file has its name, a read-only file system).</exception>
    public async Task<IngestionSummary?> EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        embedder.EnsureAvailable();
        try
        {
            Directory.CreateDirectory(paths.DataDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"The data directory {paths.DataDirectory} cannot be created or used ({e.Message.TrimEnd('.')}); name a writable folder with --data or ChatBot:DataDirectory.", e);
        }

        var initialized = store.InitializeAsync(cancellationToken);
        var encoders = Task.Run(async () =>
        {
            _ = embedder.Embedder;
            await initialized;
            await services.GetRequiredService<SearchService>().WarmUpAsync(cancellationToken);
        }, cancellationToken);
        try
        {
            await initialized;
            var stats = await store.GetStatisticsAsync(cancellationToken);
            if (stats.Documents > 0) await store.PrepareSearchAsync(cancellationToken);
            if (stats.Documents > 0 || options.Value.Corpus.Count == 0) return null;

            var corpus = options.Value.Corpus.Select(paths.Resolve).ToList();
            LogFirstRun(logger, string.Join(", ", corpus));
            await encoders;
            var summary = await services.GetRequiredService<IngestionPipeline>().IngestAsync(corpus, cancellationToken: cancellationToken);
            services.GetRequiredService<SearchService>().InvalidateCaches();
            return summary;
        }
        finally
        {
            // A failure here (an unusable store) has already surfaced from the store calls above; the warm-up only saves time.
            try
            {
                await encoders;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "The store is empty: ingesting {Corpus}")]
    private static partial void LogFirstRun(ILogger logger, string corpus);
}
