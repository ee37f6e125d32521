using ChatBot.Chunking;
using ChatBot.Ingestion;
using ChatBot.Parsing;
using ChatBot.Retrieval;
using ChatBot.Storage.Sqlite;
using ChatBot.Telegram.Tests.Support;
using ChatBot.Text;
using ChatBot.Timeline;
using SkiaSharp;

namespace ChatBot.Telegram.Tests;

/// <summary><c>/timeline TOPIC</c>: a chart sent with sendPhoto (multipart, checked against the Bot API description) and the first and latest quote.</summary>
public sealed class TimelineCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatbot-timeline-tests", Guid.NewGuid().ToString("N"));
    private SqliteTranscriptStore _store = null!;
    private SearchService _search = null!;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteTranscriptStore(Path.Combine(_folder, "chatbot.db"));
        var pipeline = new IngestionPipeline(TranscriptReader.CreateDefault(), new TurnChunker(new ChunkingOptions()), _store);
        await pipeline.IngestAsync([Samples()], cancellationToken: TestContext.Current.CancellationToken);
        _search = new SearchService(_store);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Timeline_sends_the_chart_as_a_PNG_photo_then_the_first_and_the_latest_quote()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Search.OnSearch = (q, ct) => _search.SearchAsync(q, ct);
        bot.Api.EnqueueUpdate(Updates.PrivateText("/timeline Trump"));

        var message = Assert.Single(await bot.Api.WaitForMessagesAsync(Updates.UserId, 1));
        var photo = Assert.Single(bot.Api.Sent("sendPhoto"));
        Assert.Equal(200, photo.Status);
        Assert.StartsWith("multipart/form-data", photo.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("attach://", photo.Body["photo"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(photo.Sequence < message.Sequence);

        // The same timeline the web page and /api/timeline show, over the same real store.
        var expected = await new TimelineService(_search, _store).GetAsync(new TimelineRequest { Topic = "Trump" }, TestContext.Current.CancellationToken);
        Assert.True(expected.Total > 1);
        var caption = BotApiRequestValidatorCaption(photo);
        Assert.Equal($"“Trump”: {expected.Total} statements, {expected.Buckets[0].Period}–{expected.Buckets[^1].Period}.", caption);

        var png = bot.Api.Uploads["timeline.png"];
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", "telegram-timeline.png"), png, TestContext.Current.CancellationToken);
        using var chart = SKBitmap.Decode(png);
        Assert.Equal((960, 540), (chart.Width, chart.Height));
        var barColour = new SKColor(0x0a, 0x58, 0xca);
        int barColumns = Enumerable.Range(0, chart.Width).Count(x => chart.GetPixel(x, chart.Height - 60) == barColour);
        Assert.True(barColumns > 0, "the chart has bars");

        var parsed = message.Parsed;
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(
            [Checks.Normalize(MarkupText.ForDisplay(expected.First!.Text)), Checks.Normalize(MarkupText.ForDisplay(expected.Latest!.Text))],
            parsed.Blockquotes.Select(Checks.Normalize));
        Assert.StartsWith("First said", parsed.Text, StringComparison.Ordinal);
        Assert.Contains("Most recently said", parsed.Text, StringComparison.Ordinal);
        Assert.Contains("Lima, 17 November 2016", parsed.Text, StringComparison.Ordinal);
        Assert.Contains("Da Nang, 8 November 2017", parsed.Text, StringComparison.Ordinal);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task Timeline_without_a_topic_says_how_to_use_it_and_a_topic_nobody_used_gets_a_sentence()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Search.OnSearch = (q, ct) => _search.SearchAsync(q, ct);
        bot.Api.EnqueueUpdate(Updates.PrivateText("/timeline"));
        Assert.Contains("/timeline TOPIC", Assert.Single(await bot.Api.WaitForMessagesAsync(Updates.UserId, 1)).Visible, StringComparison.Ordinal);
        bot.Api.EnqueueUpdate(Updates.PrivateText("/timeline zeppelins"));
        var messages = await bot.Api.WaitForMessagesAsync(Updates.UserId, 2);
        Assert.Equal("No statement in the transcripts uses the words of “zeppelins”.", messages[1].Visible);
        Assert.Empty(bot.Api.Sent("sendPhoto"));
        Checks.Clean(bot);
    }

    private static string BotApiRequestValidatorCaption(Fakes.RecordedRequest photo) =>
        Spec.BotApiRequestValidator.ParseMessageText(photo.Body["caption"]!.GetValue<string>(), photo.Body["parse_mode"]?.GetValue<string>()).Text;

    private static string Samples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln"))) return Path.Combine(dir.FullName, "samples");
        }

        throw new InvalidOperationException("No ChatBot.sln above the test folder.");
    }
}
