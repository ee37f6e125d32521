using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Hosting;

/// <summary>
/// Loads the configured sentence encoder once. When it is switched off or its weights cannot be found, search and
/// ingest run on BM25 alone and <see cref="Status"/> says why, in words a user can act on.
/// </summary>
public sealed partial class EmbedderProvider : IDisposable
{
    private readonly Lazy<(IEmbeddingGenerator<string, Embedding<float>>? Embedder, Func<string, int>? Counter, string Status)> _loaded;

    /// <summary>Creates the provider.</summary>
    public EmbedderProvider(IOptions<ChatBotOptions> options, AppPaths paths, ILogger<EmbedderProvider> logger)
    {
        _loaded = new(() => Load(options.Value.Embeddings, paths, logger));
    }

    /// <summary>The embedder, or null for BM25-only operation.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder => _loaded.Value.Embedder;

    /// <summary>Counts the model's tokens, when the model is loaded.</summary>
    public Func<string, int>? TokenCounter => _loaded.Value.Counter;

    /// <summary>What was loaded, or why nothing was.</summary>
    public string Status => _loaded.Value.Status;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_loaded.IsValueCreated) _loaded.Value.Embedder?.Dispose();
    }

    private static (IEmbeddingGenerator<string, Embedding<float>>?, Func<string, int>?, string) Load(EmbeddingOptions options, AppPaths paths, ILogger logger)
    {
        if (string.Equals(options.Provider, "None", StringComparison.OrdinalIgnoreCase))
            return (null, null, "off (ChatBot:Embeddings:Provider is None): keyword search only");
        return (null, null, "not available in this build: keyword search only");
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "{Status}")]
    private static partial void LogUnavailable(ILogger logger, string status);
}
