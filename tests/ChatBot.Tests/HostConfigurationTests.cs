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
    [InlineData(null, 896, "ensemble")]
    [InlineData("arctic-embed-xs", 384, "snowflake-arctic-embed-xs")]
    [InlineData("use-lite", 512, "Universal Sentence Encoder lite")]
    public async Task TheEmbeddingModelSettingChoosesTheEncoderAndTheQdrantVectorSize(string? model, int dimensions, string status)
    {
        var settings = new Dictionary<string, string?> { ["ChatBot:Embeddings:Model"] = model, ["ChatBot:DataDirectory"] = Path.Combine(Path.GetTempPath(), "chatbot-host-" + Guid.NewGuid().ToString("N")) };
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
}
