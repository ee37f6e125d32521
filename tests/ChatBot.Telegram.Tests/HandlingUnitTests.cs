using System.Text.Json;
using ChatBot.Telegram.Handling;
using ChatBot.Telegram.Hosting;
using ChatBot.Telegram.Tests.Fakes;
using ChatBot.Telegram.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ChatBot.Telegram.Tests;

/// <summary>Addressing in groups and the persisted polling position (the chats' history is the shared conversation store's: ConversationStoreTests in Core).</summary>
public sealed class HandlingUnitTests
{
    private static Message Message(System.Text.Json.Nodes.JsonObject update) =>
        JsonSerializer.Deserialize<Update>(update.ToJsonString(), JsonBotAPI.Options)!.Message!;

    [Theory]
    [InlineData("/ask@lavrov_quotes_bot  Korea? ", "ask", "Korea?", true, true)]
    [InlineData("/ASK Korea?", "ask", "Korea?", true, false)]
    [InlineData("/ask@other_bot Korea?", "ask", "Korea?", false, false)]
    [InlineData("hey @Lavrov_Quotes_Bot what about Syria?", null, "hey what about Syria?", true, true)]
    [InlineData("hey @lavrov_quotes_bot_fan what about Syria?", null, "hey @lavrov_quotes_bot_fan what about Syria?", false, false)]
    [InlineData("just chatting", null, "just chatting", false, false)]
    public void Group_messages_address_the_bot_only_by_command_mention_or_reply(string text, string? command, string argument, bool addressed, bool named)
    {
        var incoming = IncomingText.Parse(Message(Updates.GroupText(text)), FakeBotApiServer.BotUsername, FakeBotApiServer.BotId, isPrivate: false)!;

        Assert.Equal(command, incoming.Command);
        Assert.Equal(argument, incoming.Argument);
        Assert.Equal(addressed, incoming.Addressed);
        Assert.Equal(named, incoming.NamedThisBot);
    }

    [Fact]
    public void A_reply_to_the_bot_addresses_it_and_private_messages_always_do()
    {
        Assert.True(IncomingText.Parse(Message(Updates.GroupText("and Iran?", replyToBotMessage: 5)), FakeBotApiServer.BotUsername, FakeBotApiServer.BotId, false)!.Addressed);
        Assert.True(IncomingText.Parse(Message(Updates.PrivateText("and Iran?")), FakeBotApiServer.BotUsername, FakeBotApiServer.BotId, true)!.Addressed);
        Assert.Null(IncomingText.Parse(Message(Updates.Sticker()), FakeBotApiServer.BotUsername, FakeBotApiServer.BotId, true));
    }

    [Fact]
    public void The_polling_position_survives_out_of_order_completion_and_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatbot-telegram-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var store = new UpdateOffsetStore(directory, 42, TimeProvider.System, NullLogger.Instance);
            var tracker = new UpdateProgressTracker(store, NullLogger.Instance);
            Assert.Null(tracker.Offset);

            var batch = tracker.BeginBatch([new Update { Id = 10 }, new Update { Id = 11 }, new Update { Id = 12 }]);
            Assert.Equal(3, batch.Count);
            tracker.MarkHandled(12); // a fast chat finishes first
            Assert.Equal(10, tracker.Offset);
            tracker.MarkHandled(10);
            Assert.Equal(11, tracker.Offset);

            var restarted = new UpdateProgressTracker(new UpdateOffsetStore(directory, 42, TimeProvider.System, NullLogger.Instance), NullLogger.Instance);
            Assert.Equal(11, restarted.Offset);
            var again = restarted.BeginBatch([new Update { Id = 11 }, new Update { Id = 12 }, new Update { Id = 13 }]);
            Assert.Equal([11, 13], again.Select(u => u.Id)); // 12 was handled before the restart
            restarted.MarkHandled(11);
            restarted.MarkHandled(13);
            Assert.Equal(14, restarted.Offset);
            Assert.Empty(Directory.GetFiles(directory, "*.tmp"));

            var otherBot = new UpdateProgressTracker(new UpdateOffsetStore(directory, 43, TimeProvider.System, NullLogger.Instance), NullLogger.Instance);
            Assert.Null(otherBot.Offset);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void An_unreadable_or_week_old_offset_file_is_ignored_with_a_log_entry()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatbot-telegram-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var logs = new CapturingLoggerProvider();
            var logger = logs.CreateLogger("test");
            var time = new ManualTime();
            var store = new UpdateOffsetStore(directory, 42, time, logger);
            store.Save(new UpdateProgress(50, new HashSet<int>()));
            Assert.Equal(50, store.Load().Offset);

            time.Advance(TimeSpan.FromDays(8));
            Assert.Null(store.Load().Offset);

            File.WriteAllText(store.FilePath, "{ torn");
            Assert.Null(store.Load().Offset);
            Assert.Contains(logs.Entries, e => e.EventId.Id == 7123 && e.Exception is JsonException);
            Assert.Contains(logs.Entries, e => e.EventId.Id == 7124);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
