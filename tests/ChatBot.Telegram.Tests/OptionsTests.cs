using ChatBot.Telegram.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Telegram.Tests;

/// <summary>Options binding and start-time validation.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Options_bind_from_the_ChatBot_Telegram_section_with_defaults_for_the_rest()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatBot:Telegram:Token"] = BotHarness.Token,
            ["ChatBot:Telegram:StateDirectory"] = "/var/lib/chatbot/telegram",
            ["ChatBot:Telegram:AllowedUserIds:0"] = "42",
            ["ChatBot:Telegram:AllowedChatIds:0"] = "-1001",
            ["ChatBot:Telegram:QuestionsPerMinute"] = "3",
            ["ChatBot:Telegram:PollTimeout"] = "00:00:45",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddTelegramBot(configuration.GetSection(TelegramOptions.SectionName));

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<TelegramOptions>>().Value;

        Assert.Equal(BotHarness.Token, options.Token);
        Assert.Equal("https://api.telegram.org", options.ApiBaseUrl);
        Assert.Equal(TelegramMode.Polling, options.Mode);
        Assert.Equal("/var/lib/chatbot/telegram", options.StateDirectory);
        Assert.Equal([42L], options.AllowedUserIds);
        Assert.Equal([-1001L], options.AllowedChatIds);
        Assert.Equal(3, options.QuestionsPerMinute);
        Assert.Equal(TimeSpan.FromSeconds(45), options.PollTimeout);
        Assert.Equal(1000, options.MaxQuestionLength);
        Assert.True(TelegramServiceCollectionExtensions.IsTelegramBotConfigured(configuration.GetSection(TelegramOptions.SectionName)));
    }

    [Theory]
    [InlineData(null, "Token")]
    [InlineData("not-a-token-value", "Token")]
    public async Task A_missing_or_malformed_token_stops_the_host_at_start_without_printing_the_value(string? token, string expected)
    {
        if (Environment.GetEnvironmentVariable(TelegramOptions.TokenEnvironmentVariable) is { Length: > 0 } && token is null) return;
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddTelegramBot(o => o.Token = token);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        if (token is not null) Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_mode_requires_an_https_url_and_a_secret()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddTelegramBot(o =>
        {
            o.Token = BotHarness.Token;
            o.Mode = TelegramMode.Webhook;
            o.WebhookUrl = "http://insecure.example.org/hook";
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("WebhookUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("WebhookSecret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public async Task The_paragraphs_around_a_source_quote_must_be_between_0_and_10(int paragraphs)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddTelegramBot(o =>
        {
            o.Token = BotHarness.Token;
            o.SourceContextParagraphs = paragraphs;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("SourceContextParagraphs", error.Message, StringComparison.Ordinal);
    }
}
