using ChatBot.Answering;
using ChatBot.Chunking;
using ChatBot.Conversations;
using ChatBot.Ingestion;
using ChatBot.Parsing;
using ChatBot.Retrieval;
using ChatBot.SemanticKernel;
using ChatBot.Storage;
using ChatBot.Storage.Qdrant;
using ChatBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Hosting;

/// <summary>Registers the bot's services once for every front end (CLI, HTTP API, Telegram).</summary>
public static class ChatBotServiceCollectionExtensions
{
    /// <summary>Options, store, encoder, ingestion and search, all chosen by the <c>ChatBot</c> configuration section.</summary>
    public static IHostApplicationBuilder AddChatBotServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(_ => SecretRedactor.FromConfiguration(builder.Configuration));
        services.AddOptions<ChatBotOptions>().BindConfiguration(ChatBotOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "ChatBot:DataDirectory must name a folder")
            .Validate(o => o.Chunking.MaxTokens is >= 16 and <= 128, "ChatBot:Chunking:MaxTokens must be 16 to 128 (the encoder reads 128 tokens)")
            .Validate(o => o.Search.DefaultLimit is >= 1 and <= SearchQuery.MaxLimit, $"ChatBot:Search:DefaultLimit must be 1 to {SearchQuery.MaxLimit}")
            .Validate(o => o.Storage.Provider is "Embedded" or "Qdrant", "ChatBot:Storage:Provider must be Embedded or Qdrant")
            .Validate(o => o.Relevance.Candidates is >= 1 and <= 1000 && o.Relevance.Threshold is null or (>= 0 and <= 1),
                "ChatBot:Relevance:Candidates must be 1 to 1000 and Threshold, when set, 0 to 1")
            .Validate(o => o.Ingest.MaxTurnsPerDocument >= 1 && o.Ingest.MaxChunksPerDocument >= 1 && o.Ingest.MaxFolderDepth >= 0,
                "ChatBot:Ingest:MaxTurnsPerDocument and MaxChunksPerDocument must be at least 1, MaxFolderDepth at least 0")
            .Validate(o => o.Ingest.LastUnYear is null || o.Ingest.LastUnYear >= o.Ingest.FirstUnYear, "ChatBot:Ingest:LastUnYear must not be before FirstUnYear")
            .ValidateOnStart();
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(sp =>
        {
            var paths = new AppPaths(contentRoot, sp.GetRequiredService<IOptions<ChatBotOptions>>().Value);
            // Sources are shown to clients relative to the content root or to the folder holding a configured corpus path.
            ChatBot.Api.Contracts.SourcePaths.AddRoots([paths.ContentRoot, .. sp.GetRequiredService<IOptions<ChatBotOptions>>().Value.Corpus
                .Select(c => Path.GetDirectoryName(paths.Resolve(c).TrimEnd(Path.DirectorySeparatorChar))).OfType<string>()]);
            return paths;
        });
        services.AddSingleton(sp => TranscriptReader.CreateDefault(sp.GetRequiredService<IOptions<ChatBotOptions>>().Value.Ingest.ToOptions().Parsing));
        services.AddSingleton<EmbedderProvider>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ChatBotOptions>>().Value.Chunking;
            var embedder = sp.GetRequiredService<EmbedderProvider>();
            return new TurnChunker(new ChunkingOptions
            {
                MaxTokens = o.MaxTokens,
                OverlapSentences = o.OverlapSentences,
                TokenCounter = embedder.TokenCounter,
                TokenCounterName = embedder.TokenCounterName ?? "estimate",
            });
        });
        if (string.Equals(builder.Configuration[$"{ChatBotOptions.Section}:Storage:Provider"], "Qdrant", StringComparison.OrdinalIgnoreCase))
        {
            var section = builder.Configuration.GetSection($"{ChatBotOptions.Section}:Qdrant");
            services.AddQdrantTranscriptStore(o =>
            {
                section.Bind(o);
                o.VectorSize = EmbeddingModels.Dimensions(builder.Configuration.GetSection($"{ChatBotOptions.Section}:Embeddings").Get<EmbeddingOptions>() ?? new());
            });
        }
        else
        {
            services.AddSingleton<ITranscriptStore>(sp =>
            {
                var paths = sp.GetRequiredService<AppPaths>();
                return new SqliteTranscriptStore(paths.DatabasePath, sp.GetRequiredService<ILogger<SqliteTranscriptStore>>());
            });
        }

        services.AddSingleton(sp => new RelevancePolicy(sp.GetRequiredService<IOptions<ChatBotOptions>>().Value.Relevance));
        services.AddSingleton(sp => new SearchService(
            sp.GetRequiredService<ITranscriptStore>(), sp.GetRequiredService<EmbedderProvider>().Embedder, sp.GetRequiredService<ILogger<SearchService>>(),
            sp.GetRequiredService<RelevancePolicy>(), sp.GetService<ChatBot.Language.IQueryTranslator>()));
        services.AddSingleton<ISearchService>(sp => sp.GetRequiredService<SearchService>());
        services.AddSingleton(sp => new IngestionPipeline(
            sp.GetRequiredService<TranscriptReader>(), sp.GetRequiredService<TurnChunker>(), sp.GetRequiredService<ITranscriptStore>(),
            sp.GetRequiredService<EmbedderProvider>().IngestionEmbedder, sp.GetRequiredService<ILogger<IngestionPipeline>>(),
            sp.GetRequiredService<IOptions<ChatBotOptions>>().Value.Ingest.ToOptions()));
        services.AddSingleton<CorpusBootstrapper>();
        // API keys live in the embedded store's file; with Qdrant, in a SQLite file of their own in the data directory.
        services.AddSingleton(sp =>
        {
            var paths = sp.GetRequiredService<AppPaths>();
            var embedded = sp.GetRequiredService<IOptions<ChatBotOptions>>().Value.Storage.Provider == "Embedded";
            return new SqliteApiKeyStore(embedded ? paths.DatabasePath : Path.Combine(paths.DataDirectory, "apikeys.db"));
        });
        // One conversation store for every front end: the HTTP API's conversation ids and the Telegram bot's chats.
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IConversationStore, ConversationStore>();
        services.AddSingleton(sp => ChatModelFactory.Create(sp.GetRequiredService<IOptions<ChatBotOptions>>().Value.Chat, sp.GetRequiredService<AppPaths>(),
            sp.GetRequiredService<ILoggerFactory>(), sp.GetService<SecretRedactor>()));
        services.AddSingleton(sp => new AnswerService(sp.GetRequiredService<ISearchService>(), sp.GetRequiredService<IOptions<ChatBotOptions>>().Value.Answers,
            sp.GetService<IPromptFunctions>(), sp.GetRequiredService<ILogger<AnswerService>>()));
        services.AddSingleton<IAnswerService>(sp => sp.GetRequiredService<AnswerService>());
        // Semantic Kernel: the quote search as ITextSearch, and the prompts as kernel functions (IPromptFunctions) when a chat model is configured.
        builder.AddChatBotSemanticKernel();

        // Russian questions: offline word-by-word translation into an English query (the dictionary is read on the
        // first Russian question); Cyrillic names are matched against the store's speakers.
        services.AddOptions<ChatBot.Language.LanguageOptions>().BindConfiguration(ChatBot.Language.LanguageOptions.Section)
            .Validate(o => o.TranslationsPerWord >= 1 && o.NameMaxEditDistance >= 0 && o.SenseCandidates >= 1 && o.SenseMaxGlossRank >= 0 && o.CognatePrefix >= 1 && o.CognateMaxDistance is >= 0 and < 1,
                "ChatBot:Language: TranslationsPerWord, SenseCandidates and CognatePrefix must be 1 or more, NameMaxEditDistance 0 or more, CognateMaxDistance from 0 to below 1")
            .ValidateOnStart();
        services.AddSingleton<ChatBot.Language.IQueryTranslator>(sp => new ChatBot.Language.RussianQueryTranslator(
            sp.GetRequiredService<IOptions<ChatBot.Language.LanguageOptions>>().Value, knownNames: () => sp.GetRequiredService<SearchService>().KnownSpeakers,
            sp.GetRequiredService<ILogger<ChatBot.Language.RussianQueryTranslator>>()));
        return builder;
    }
}
