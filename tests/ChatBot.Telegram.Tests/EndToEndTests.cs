using ChatBot.Answering;
using ChatBot.Chunking;
using ChatBot.Ingestion;
using ChatBot.Parsing;
using ChatBot.Retrieval;
using ChatBot.Storage;
using ChatBot.Storage.Sqlite;
using ChatBot.Telegram.Formatting;
using ChatBot.Telegram.Tests.Spec;
using ChatBot.Telegram.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Telegram.Tests;

/// <summary>
/// The bot over the real pipeline: the repository's sample transcripts ingested into a SQLite store, the real search
/// and answer services (quotes only, no language model), and the fake Bot API checking every request.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task A_question_about_the_samples_is_answered_with_quotes_cut_verbatim_from_the_stored_transcripts()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatbot-telegram-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var store = new SqliteTranscriptStore(Path.Combine(folder, "chatbot.db"));
            await store.InitializeAsync(TestContext.Current.CancellationToken);
            await new IngestionPipeline(TranscriptReader.CreateDefault(), new TurnChunker(new ChunkingOptions()), store)
                .IngestAsync([SamplesDirectory()], cancellationToken: TestContext.Current.CancellationToken);
            var documents = await store.ListDocumentsAsync(TestContext.Current.CancellationToken);
            Assert.NotEmpty(documents);
            var texts = new List<string>();
            foreach (var d in documents) texts.Add(Checks.Normalize((await store.GetDocumentAsync(d.Id, TestContext.Current.CancellationToken))!.Text));

            var search = new SearchService(store);
            await using var bot = await BotHarness.StartAsync(services: s =>
            {
                s.AddSingleton<ITranscriptStore>(store);
                s.AddSingleton<ISearchService>(search);
                s.AddSingleton<IAnswerService>(new AnswerService(search));
            });
            bot.Api.EnqueueUpdate(Updates.PrivateText("What did Lavrov say about protectionism?"));

            var answer = Assert.Single(await bot.Api.WaitForMessagesAsync(Updates.UserId, 1, TimeSpan.FromSeconds(30))).Parsed;

            var quotes = answer.Blockquotes.ToList();
            Assert.NotEmpty(quotes);
            Assert.All(quotes, q => Assert.Contains(texts, t => t.Contains(Checks.Normalize(q), StringComparison.Ordinal)));
            Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
            Assert.Contains("— Sergey Lavrov", answer.Text, StringComparison.Ordinal);

            bot.Api.EnqueueUpdate(Updates.PrivateText("/source 1"));
            var source = (await bot.Api.WaitForMessagesAsync(Updates.UserId, 2, TimeSpan.FromSeconds(30)))[1].Parsed;
            Assert.True(source.IsValid);
            var context = Checks.Normalize(string.Join(" ", source.Blockquotes));
            Assert.Contains(Checks.Normalize(quotes[0]), context, StringComparison.Ordinal);
            // The paragraphs around the quote are the transcript's, apart from the marks of paragraphs left out.
            foreach (var part in context.Split(SourceWindow.Omission).Select(p => p.Trim()).Where(p => p.Length > 0))
                Assert.Contains(texts, t => t.Contains(part, StringComparison.Ordinal));

            bot.Api.EnqueueUpdate(Updates.InlineQuery("protectionism"));
            var inline = (await bot.Api.WaitForAsync(r => r.Any(x => x.Method == "answerInlineQuery"), TimeSpan.FromSeconds(30), "the inline answer")).Single(x => x.Method == "answerInlineQuery");
            var cards = inline.Body["results"]!.AsArray();
            Assert.NotEmpty(cards);
            foreach (var card in cards)
            {
                var shown = Assert.Single(TelegramHtmlParser.Parse(card!["input_message_content"]!["message_text"]!.GetValue<string>()).Blockquotes);
                var verbatim = Checks.Normalize(shown.EndsWith(" […]", StringComparison.Ordinal) ? shown[..^4] : shown);
                Assert.Contains(texts, t => t.Contains(verbatim, StringComparison.Ordinal));
            }

            Checks.Clean(bot);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string SamplesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln"))) return Path.Combine(dir.FullName, "samples");
        }

        throw new DirectoryNotFoundException("The repository's samples/ folder was not found.");
    }
}
