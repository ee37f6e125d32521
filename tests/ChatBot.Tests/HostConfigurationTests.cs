using ChatBot.Api;
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
}
