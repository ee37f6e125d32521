using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Api;
using ChatBot.Conversations;
using ChatBot.Hosting;
using ChatBot.Telegram;
using ChatBot.Tests.Infrastructure;
using ChatBot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests;

/// <summary>
/// The composed application with both front ends on: the Telegram bot (webhook mode, against a fake Bot API) and
/// <c>POST /api/ask</c> keep their conversations in the one <see cref="IConversationStore"/> the executable registers,
/// bounded by <c>ChatBot:Conversations</c>.
/// </summary>
public sealed class SharedConversationTests : IAsyncLifetime
{
    private const string Secret = "webhook-secret_0123456789";
    private const long ChatId = 5001;
    private readonly TempDirectory _temp = new();
    private FakeBotApi _telegram = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _telegram = await FakeBotApi.StartAsync();
        _app = ChatBotWebApp.Build([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatBot:DataDirectory"] = Path.Combine(_temp.Path, "data"),
            ["ChatBot:Corpus:0"] = RepoPaths.Samples,
            ["ChatBot:Embeddings:Provider"] = "None",
            ["ChatBot:Conversations:MaxAnswers"] = "1",
            ["ChatBot:Telegram:Token"] = "7654321098:AAF-shared_conversation_test_token_01",
            ["ChatBot:Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["ChatBot:Telegram:Mode"] = "Webhook",
            ["ChatBot:Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook",
            ["ChatBot:Telegram:WebhookSecret"] = Secret,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        _app.Urls.Clear();
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.Services.GetRequiredService<CorpusBootstrapper>().EnsureReadyAsync(Ct);
        await _app.StartAsync(Ct);
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
        await _telegram.WaitForAsync("setWebhook", Ct);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _telegram.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_Telegram_follow_up_and_an_HTTP_follow_up_are_kept_in_the_one_conversation_store()
    {
        await TelegramMessageAsync(1, "What did Lavrov say about North Korea?");
        await TelegramMessageAsync(2, "And about Syria?");
        using var first = await _http.PostAsJsonAsync("/api/ask", new { question = "What did Lavrov say about North Korea?" }, Ct);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("conversation_id").GetString()!;
        using var followUp = await _http.PostAsJsonAsync("/api/ask", new { question = "And about Syria?", conversation_id = id }, Ct);
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        Assert.Equal("What did Sergey Lavrov say about Syria?", (await followUp.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("standalone_question").GetString());

        var store = _app.Services.GetRequiredService<IConversationStore>();
        Assert.IsType<ConversationStore>(store);
        Assert.Single(_app.Services.GetServices<IConversationStore>());
        Assert.Equal(2, ((ConversationStore)store).Count); // the chat's and the HTTP client's
        var chat = TelegramConversations.IdOf(ChatId);
        Assert.True(store.TryGetHistory(chat, chat, out var telegramHistory));
        Assert.Equal("What did Sergey Lavrov say about Syria?", Assert.Single(telegramHistory).StandaloneQuestion); // MaxAnswers = 1 from ChatBot:Conversations
        Assert.True(store.TryGetHistory(id, "ip:127.0.0.1", out var httpHistory));
        Assert.Equal("And about Syria?", Assert.Single(httpHistory).Question);
        Assert.Equal(2, _telegram.SentTexts.Count);
    }

    [Fact]
    public async Task An_HTTP_client_sending_a_Telegram_chats_conversation_id_gets_404()
    {
        await TelegramMessageAsync(1, "What did Lavrov say about North Korea?");

        using var response = await _http.PostAsJsonAsync("/api/ask", new { question = "And about Syria?", conversation_id = TelegramConversations.IdOf(ChatId) }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("30 idle minutes", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Posts a private text message to the webhook, which answers once the bot has replied.</summary>
    private async Task TelegramMessageAsync(int updateId, string text)
    {
        var update = new
        {
            update_id = updateId,
            message = new
            {
                message_id = updateId,
                date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                chat = new { id = ChatId, type = "private", first_name = "Anna" },
                from = new { id = ChatId, is_bot = false, first_name = "Anna" },
                text,
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = JsonContent.Create(update) };
        request.Headers.Add(TelegramEndpointRouteBuilderExtensions.SecretHeader, Secret);
        using var response = await _http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
