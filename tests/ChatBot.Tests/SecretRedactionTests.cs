using ChatBot.Hosting;
using ChatBot.Tests.Infrastructure;
using ChatBot.Tests.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Tests;

/// <summary>No secret reaches a log line, including one a chat endpoint echoes back in its error body.</summary>
public sealed class SecretRedactionTests
{
    private const string Key = "sk-test-9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    [Fact]
    public async Task A_chat_endpoint_echoing_the_authorization_header_in_its_error_leaks_nothing_into_the_exception_or_the_log()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = _ => (401, "{\"error\": {\"message\": \"Invalid key. Request headers: Authorization: Bearer " + Key + "; api_key=" + Key + "\", \"type\": \"invalid_request_error\"}}", TimeSpan.Zero);
        using var temp = new TempDirectory();
        var paths = new AppPaths(RepoPaths.Root, new ChatBotOptions());
        var model = ChatModelFactory.Create(new ChatModelOptions { Endpoint = server.Endpoint, Model = "gpt-test", ApiKey = Key }, paths, NullLoggerFactory.Instance);

        var error = await Assert.ThrowsAsync<ChatModelException>(() => model.Client!.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));
        Assert.DoesNotContain(Key, error.Message);
        Assert.Contains("401", error.Message);
        Assert.Null(error.InnerException);
        Assert.DoesNotContain(Key, error.ToString());
    }

    [Theory]
    [InlineData("Upstream said: Authorization: Bearer " + Key)]
    [InlineData("{\"headers\": {\"authorization\": \"Bearer abcdefghijklmnop\"}}")]
    [InlineData("request failed with api_key=" + Key)]
    [InlineData("the key " + Key + " was refused")]
    [InlineData("token 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw in the URL")]
    [InlineData("X-Api-Key: cbk_abcdefghijklmnopqrstuvwxyz012345")]
    public void The_console_formatter_redacts_every_line(string message)
    {
        var redactor = new SecretRedactor(["my-configured-secret"]);
        var formatter = new RedactingConsoleFormatter(redactor);
        using var writer = new StringWriter();
        var exception = new InvalidOperationException("inner: my-configured-secret " + message);
        formatter.Write(new Microsoft.Extensions.Logging.Abstractions.LogEntry<string>(LogLevel.Warning, "Test", new EventId(1), message, exception, (s, _) => s), null, writer);
        var line = writer.ToString();
        Assert.Contains(SecretRedactor.Mask, line);
        foreach (var secret in new[] { Key, "abcdefghijklmnop", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "cbk_abcdefghijklmnopqrstuvwxyz012345", "my-configured-secret" })
            Assert.DoesNotContain(secret, line);
    }
}
