using ChatBot.Api;
using ChatBot.Hosting;
using ChatBot.Storage;
using ChatBot.Storage.Qdrant;
using ChatBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests;

public sealed class HostConfigurationTests
{
    [Fact]
    public async Task StorageProviderSettingChoosesTheQdrantStore()
    {
        await using var app = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatBot:Storage:Provider"] = "Qdrant",
            ["ChatBot:Qdrant:Url"] = "http://127.0.0.1:6333",
            ["ChatBot:Qdrant:Collection"] = "newsroom",
            ["ChatBot:Qdrant:ApiKey"] = "secret-key",
        }));
        var store = app.Services.GetRequiredService<ITranscriptStore>();
        Assert.IsType<QdrantTranscriptStore>(store);
        Assert.Contains("newsroom", store.Description);
        Assert.DoesNotContain("secret-key", store.Description);
    }

    [Fact]
    public async Task EmbeddedStoreIsTheDefault()
    {
        await using var app = ChatBotWebApp.Build([]);
        Assert.IsType<SqliteTranscriptStore>(app.Services.GetRequiredService<ITranscriptStore>());
    }

    [Fact]
    public async Task TelegramBotRunsInsideServeWhenATokenIsConfigured()
    {
        await using var withToken = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatBot:Telegram:Token"] = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
            ["ChatBot:Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
        }));
        Assert.Contains(withToken.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s.GetType().Name == "TelegramBotService");

        await using var withoutToken = ChatBotWebApp.Build([]);
        Assert.DoesNotContain(withoutToken.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s.GetType().Name == "TelegramBotService");
    }

    [Fact]
    public async Task ConversationBoundsBindFromTheirSectionAndOutOfRangeValuesStopTheHostAtStart()
    {
        await using var app = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatBot:Conversations:MaxAnswers"] = "3",
            ["ChatBot:Conversations:IdleExpiry"] = "00:10:00",
        }));
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChatBot.Conversations.ConversationOptions>>().Value;
        Assert.Equal(3, options.MaxAnswers);
        Assert.Equal(TimeSpan.FromMinutes(10), options.IdleExpiry);
        Assert.Equal(10_000, options.MaxConversations);

        await using var bad = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatBot:DataDirectory"] = Path.Combine(Path.GetTempPath(), "chatbot-host-" + Guid.NewGuid().ToString("N")),
            ["ChatBot:Conversations:MaxAnswers"] = "500",
        }));
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => bad.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("ChatBot:Conversations:MaxAnswers", error.Message);
    }

    [Theory]
    [InlineData(null, null, 896, "ensemble")]
    [InlineData("arctic-embed-xs", null, 384, "snowflake-arctic-embed-xs")]
    [InlineData("use-lite", null, 512, "Universal Sentence Encoder lite")]
    [InlineData("all-MiniLM-L6-v2", null, 384, "all-MiniLM-L6-v2, 384-d")]
    [InlineData("ensemble", "0.3", 1280, "all-MiniLM-L6-v2 (384-d")]
    public async Task TheEmbeddingModelSettingChoosesTheEncoderAndTheQdrantVectorSize(string? model, string? miniLmWeight, int dimensions, string status)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ChatBot:Embeddings:Model"] = model,
            ["ChatBot:Embeddings:MiniLmWeight"] = miniLmWeight,
            ["ChatBot:DataDirectory"] = Path.Combine(Path.GetTempPath(), "chatbot-host-" + Guid.NewGuid().ToString("N")),
        };
        await using var app = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(settings));
        var embedder = app.Services.GetRequiredService<ChatBot.Hosting.EmbedderProvider>();
        Assert.Contains(status, embedder.Status);
        Assert.Equal(dimensions, (await embedder.Embedder!.GenerateAsync(["North Korea"], cancellationToken: TestContext.Current.CancellationToken))[0].Vector.Length);

        settings["ChatBot:Storage:Provider"] = "Qdrant";
        settings["ChatBot:Qdrant:Url"] = "http://127.0.0.1:6333";
        await using var qdrant = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(settings));
        Assert.Equal(dimensions, qdrant.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QdrantOptions>>().Value.VectorSize);
    }

    [Fact]
    public async Task AnUnknownEmbeddingModelIsRefusedWithTheReasonAndTheWayToKeywordSearch()
    {
        await using var app = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["ChatBot:Embeddings:Model"] = "bert-huge" }));
        var embedder = app.Services.GetRequiredService<ChatBot.Hosting.EmbedderProvider>();
        var error = Assert.Throws<ChatBot.Hosting.EncoderUnavailableException>(() => embedder.Embedder);
        Assert.Contains("unknown ChatBot:Embeddings:Model 'bert-huge'", error.Message);
        Assert.Contains("ChatBot:Embeddings:Provider=None", error.Message);
    }

    [Theory]
    [InlineData("0", "0", "0")]
    [InlineData("0.3", "-0.1", "0.5")]
    [InlineData("NaN", "0.7", "0")]
    public async Task EnsembleWeightsThatAreNegativeOrAllZeroAreRefused(string use, string arctic, string miniLm)
    {
        await using var app = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatBot:Embeddings:UseLiteWeight"] = use,
            ["ChatBot:Embeddings:ArcticWeight"] = arctic,
            ["ChatBot:Embeddings:MiniLmWeight"] = miniLm,
        }));
        var error = Assert.Throws<ChatBot.Hosting.EncoderUnavailableException>(() => app.Services.GetRequiredService<ChatBot.Hosting.EmbedderProvider>().Embedder);
        Assert.Contains("UseLiteWeight, ArcticWeight and MiniLmWeight must not be negative and one must be positive", error.Problem);
    }

    [Fact]
    public async Task AnEnsembleWithoutUniversalSentenceEncoderCombinesTheTwoBertEncoders()
    {
        await using var app = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatBot:Embeddings:UseLiteWeight"] = "0",
            ["ChatBot:Embeddings:ArcticWeight"] = "1",
            ["ChatBot:Embeddings:MiniLmWeight"] = "1",
            ["ChatBot:DataDirectory"] = Path.Combine(Path.GetTempPath(), "chatbot-host-" + Guid.NewGuid().ToString("N")),
        }));
        var embedder = app.Services.GetRequiredService<ChatBot.Hosting.EmbedderProvider>();
        Assert.DoesNotContain("Universal Sentence Encoder", embedder.Status);
        Assert.Contains("snowflake-arctic-embed-xs (384-d", embedder.Status);
        Assert.Contains("all-MiniLM-L6-v2 (384-d", embedder.Status);
        Assert.Equal("ensemble, 768-d", embedder.Summary);
        Assert.Equal("snowflake-arctic-embed-xs*0.5+all-MiniLM-L6-v2*0.5", ((Microsoft.Extensions.AI.EmbeddingGeneratorMetadata)embedder.Embedder!.GetService(typeof(Microsoft.Extensions.AI.EmbeddingGeneratorMetadata))!).DefaultModelId);
    }

    [Fact]
    public async Task AMissingEncoderFolderIsNamedWithTheSettingToFixAndTheBotRefusesToStart()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N"));
        await using var app = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["ChatBot:Embeddings:ArcticModelDirectory"] = missing }));
        var embedder = app.Services.GetRequiredService<ChatBot.Hosting.EmbedderProvider>();
        var error = Assert.Throws<ChatBot.Hosting.EncoderUnavailableException>(() => embedder.Embedder);
        Assert.Equal($"arctic-embed-xs weights not found in {missing} (ChatBot:Embeddings:ArcticModelDirectory)", error.Problem);
        await Assert.ThrowsAsync<ChatBot.Hosting.EncoderUnavailableException>(() => app.Services.GetRequiredService<CorpusBootstrapper>().EnsureReadyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AMissingMiniLmFolderMattersOnlyWhenMiniLmIsWeighted()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["ChatBot:Embeddings:MiniLmModelDirectory"] = missing,
            ["ChatBot:DataDirectory"] = Path.Combine(Path.GetTempPath(), "chatbot-host-" + Guid.NewGuid().ToString("N")),
        };
        await using (var unweighted = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(settings)))
        {
            Assert.Null(unweighted.Services.GetRequiredService<ChatBot.Hosting.EmbedderProvider>().Problem);
        }

        settings["ChatBot:Embeddings:MiniLmWeight"] = "0.3";
        await using var weighted = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(settings));
        Assert.Equal($"all-MiniLM-L6-v2 weights not found in {missing} (ChatBot:Embeddings:MiniLmModelDirectory)",
            weighted.Services.GetRequiredService<ChatBot.Hosting.EmbedderProvider>().Problem);
    }
}
