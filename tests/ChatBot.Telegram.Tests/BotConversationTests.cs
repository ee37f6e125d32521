using ChatBot.Answering;
using ChatBot.Conversations;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Storage;
using ChatBot.Telegram.Formatting;
using ChatBot.Telegram.Tests.Fakes;
using ChatBot.Telegram.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Telegram.Tests;

/// <summary>The bot end to end over HTTP: a fake Bot API server feeds updates and checks every request against the spec.</summary>
public sealed class BotConversationTests
{
    private static readonly string s_firstParagraph = TestData.AnswerTurnText[..TestData.AnswerTurnText.IndexOf("\n\n", StringComparison.Ordinal)];

    [Fact]
    public async Task On_start_the_bot_publishes_its_commands_removes_any_webhook_and_long_polls_for_messages_and_inline_queries()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.WaitUntilPollingAsync();

        var commands = bot.Api.Sent("setMyCommands").Single().Body["commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>());
        Assert.Equal(["ask", "quote", "source", "about", "help", "start"], commands);
        Assert.Single(bot.Api.Sent("getMe"));
        Assert.Single(bot.Api.Sent("deleteWebhook"));
        var poll = bot.Api.Sent("getUpdates")[0].Body;
        Assert.Equal(["message", "inline_query"], poll["allowed_updates"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal(1, poll["timeout"]!.GetValue<int>());
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_question_is_answered_with_a_verbatim_quote_and_its_linked_citation_after_typing()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Api.EnqueueUpdate(Updates.PrivateText("What did Lavrov say about North Korea?"));

        var message = Assert.Single(await bot.Api.WaitForMessagesAsync(Updates.UserId, 1));

        var (question, _, options) = Assert.Single(bot.Answers.Calls);
        Assert.Equal("What did Lavrov say about North Korea?", question);
        Assert.False(options!.QuotesOnly);
        Assert.Equal("Html", message.Body["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        Assert.True(message.Body["link_preview_options"]!["is_disabled"]!.GetValue<bool>());
        var parsed = message.Parsed;
        Assert.Equal(Checks.Normalize(s_firstParagraph), Checks.Normalize(Assert.Single(parsed.Blockquotes)));
        Assert.StartsWith("Sergey Lavrov on the Korean Peninsula, 1 statement:\n\n[1]", parsed.Text, StringComparison.Ordinal);
        Assert.Contains("— Sergey Lavrov, Minister of Foreign Affairs · Remarks & answers to media questions <APEC> · Da Nang, 8 November 2017", parsed.Text, StringComparison.Ordinal);
        var link = Assert.Single(parsed.Entities, e => e.Tag == "a");
        Assert.Equal(TestData.Document.Url, link.Href);
        Assert.Equal("Remarks & answers to media questions <APEC>", link.TextOf(parsed.Text));

        var typing = Assert.Single(bot.Api.Sent("sendChatAction"));
        Assert.Equal("typing", typing.Body["action"]!.GetValue<string>());
        Assert.True(typing.Sequence < message.Sequence);
        Assert.Null(message.ReplyTo); // private chats get plain messages; replies are for groups
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_quote_with_angle_brackets_and_ampersands_is_escaped_and_shown_exactly()
    {
        const string tricky = "Some claim that 2 < 3 && 5 > 4 — <b>this is not bold</b> & \"that\" is the 'point'; see R&D.";
        await using var bot = await BotHarness.StartAsync();
        bot.Answers.OnAsk = (q, _, _, _) => Task.FromResult(TestData.ExtractiveAnswer(q, TestData.Quote(tricky)));
        bot.Api.EnqueueUpdate(Updates.PrivateText("escaping?"));

        var message = Assert.Single(await bot.Api.WaitForMessagesAsync(Updates.UserId, 1));

        Assert.Contains("2 &lt; 3 &amp;&amp; 5 &gt; 4 — &lt;b&gt;this is not bold&lt;/b&gt; &amp;", message.Text, StringComparison.Ordinal);
        Assert.True(message.Parsed.IsValid, string.Join("; ", message.Parsed.Errors));
        Assert.Equal(tricky, Assert.Single(message.Parsed.Blockquotes));
        Assert.DoesNotContain(message.Parsed.Entities, e => e.Tag == "bold" && e.TextOf(message.Parsed.Text).Contains("not bold", StringComparison.Ordinal));
        Assert.Contains("&amp;print=1", message.Text, StringComparison.Ordinal); // the link's own '&' escaped in the attribute
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_long_answer_is_split_into_valid_messages_within_the_limit_and_no_quote_is_split()
    {
        var quotes = Enumerable.Range(1, 9).Select(q => TestData.Quote(LongQuote(q, sentences: 12))).ToArray();
        var prose = string.Join("\n\n", Enumerable.Range(1, 3).Select(p => string.Join(" ", Enumerable.Range(1, 14).Select(s => $"Paragraph {p} sentence {s} explains the position & cites [{1 + (s % 9)}] as evidence."))));
        await using var bot = await BotHarness.StartAsync();
        bot.Answers.OnAsk = (q, _, _, _) => Task.FromResult(TestData.ExtractiveAnswer(q, quotes) with { Mode = AnswerMode.Llm, Text = prose });
        bot.Api.EnqueueUpdate(Updates.PrivateText("Tell me everything about sanctions"));

        await bot.Api.WaitForAsync(r => r.Any(x => x.Method == "sendMessage") && bot.Logs.Entries.Any(e => e.EventId.Id == 7134), what: "the answer");
        var messages = bot.Api.MessagesTo(Updates.UserId);

        Assert.True(messages.Count >= 3, $"expected at least 3 messages, got {messages.Count}");
        Assert.All(messages, m =>
        {
            Assert.True(m.Text!.Length <= 4096, $"raw HTML of {m.Text.Length}");
            Assert.True(m.Parsed.IsValid, string.Join("; ", m.Parsed.Errors));
            Assert.InRange(m.Visible.Trim().Length, 1, 4096);
        });
        var blockquotes = messages.SelectMany(m => m.Parsed.Blockquotes).Select(Checks.Normalize).ToList();
        Assert.Equal(quotes.Select(q => Checks.Normalize(q.Text)), blockquotes); // each quote whole, in one message, in order
        var visible = string.Join("\n", messages.Select(m => m.Visible));
        Assert.True(visible.IndexOf("Paragraph 3 sentence 14", StringComparison.Ordinal) < visible.IndexOf("[1]\n", StringComparison.Ordinal), "prose comes before the numbered quotes");
        for (int i = 1; i <= 9; i++) Assert.Contains($"[{i}]\n", visible, StringComparison.Ordinal);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_then_the_answer_is_sent_once()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Api.Fail("sendMessage", ServerFault.TooManyRequests(1));
        bot.Api.EnqueueUpdate(Updates.PrivateText("sanctions?"));

        await bot.Api.WaitForMessagesAsync(Updates.UserId, 1);

        var attempts = bot.Api.Sent("sendMessage");
        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(950), $"waited only {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.Equal(attempts[0].Text, attempts[1].Text);
        Assert.Contains(bot.Logs.Entries, e => e.EventId.Id == 7101);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task Dropped_connections_and_502s_while_polling_are_survived_and_the_next_question_answered()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.WaitUntilPollingAsync();
        // More failures than one request's retries: the request gives up, the loop backs off and polls again.
        bot.Api.Fail("getUpdates", ServerFault.DropConnection, ServerFault.BadGateway, ServerFault.DropConnection, ServerFault.BadGateway, ServerFault.DropConnection);
        await bot.Api.WaitForAsync(r => r.Count(x => x.Method == "getUpdates" && x.Status != 200) == 5, what: "five failed polls");
        bot.Api.EnqueueUpdate(Updates.PrivateText("still there?"));

        Assert.Single(await bot.Api.WaitForMessagesAsync(Updates.UserId, 1));

        var failed = bot.Api.Sent("getUpdates").Where(r => r.Status != 200).Select(r => r.Status).ToList();
        Assert.Equal([0, 502, 0, 502, 0], failed);
        var pollFailure = Assert.Single(bot.Logs.Entries, e => e.EventId.Id == 7120);
        Assert.NotNull(pollFailure.Exception);
        Assert.IsType<ChatBot.Telegram.Api.TelegramTransportException>(pollFailure.Exception);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task After_a_restart_no_update_is_answered_twice_and_none_is_skipped()
    {
        await using var api = await FakeBotApiServer.StartAsync(BotHarness.Token);
        var state = Path.Combine(Path.GetTempPath(), "chatbot-telegram-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var first = new FakeAnswerService();
            first.OnAsk = async (q, _, _, ct) =>
            {
                if (q == "third")
                {
                    blocked.TrySetResult();
                    await Task.Delay(Timeout.Infinite, ct); // still working when the bot is stopped
                }

                return TestData.ExtractiveAnswer(q) with { Lead = "Answer to " + q };
            };
            foreach (var q in new[] { "first", "second", "third" }) api.EnqueueUpdate(Updates.PrivateText(q));

            await using (var bot = await BotHarness.StartAsync(api: api, stateDirectory: state, answers: first))
            {
                await api.WaitForMessagesAsync(Updates.UserId, 2);
                await blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
                await bot.StopAsync();
                Checks.Clean(bot);
            }

            int thirdId = api.EnqueueUpdate(Updates.PrivateText("fourth")) - 1;
            var second = new FakeAnswerService { OnAsk = (q, _, _, _) => Task.FromResult(TestData.ExtractiveAnswer(q) with { Lead = "Answer to " + q }) };
            await using (var bot = await BotHarness.StartAsync(api: api, stateDirectory: state, answers: second))
            {
                var polls = await api.WaitForAsync(r => r.Count(x => x.Method == "getMe") == 2 && r.SkipWhile(x => x.Method != "getMe" || x.Sequence == 0).Any(x => x.Method == "getUpdates"), what: "the restarted poll");
                var firstPollAfterRestart = polls.Where(x => x.Method == "getUpdates").Last(x => x.Sequence > polls.Last(y => y.Method == "getMe").Sequence);
                Assert.Equal(thirdId, firstPollAfterRestart.Body["offset"]!.GetValue<int>());

                var messages = await api.WaitForMessagesAsync(Updates.UserId, 4);
                await Task.Delay(300, TestContext.Current.CancellationToken); // room for a wrong extra answer to show up
                messages = api.MessagesTo(Updates.UserId);
                Assert.Equal(
                    ["Answer to first", "Answer to second", "Answer to third", "Answer to fourth"],
                    messages.Select(m => m.Visible.Split('\n')[0]));
                Assert.Equal(["third", "fourth"], second.Calls.Select(c => c.Question));
                Checks.Clean(bot);
            }

            Assert.True(File.Exists(Path.Combine(state, $"telegram-offset-{FakeBotApiServer.BotId}.json")));
            Assert.Empty(Directory.GetFiles(state, "*.tmp"));
        }
        finally
        {
            if (Directory.Exists(state)) Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task An_inline_query_is_answered_with_at_most_ten_sourced_quote_cards()
    {
        await using var bot = await BotHarness.StartAsync();
        var quotes = Enumerable.Range(0, 12).Select(i => TestData.Quote($"Statement {i}: sanctions & pressure <never> work. It is a dead end.")).ToList();
        bot.Search.OnSearch = (q, _) => Task.FromResult(new SearchResponse(q.Query, new QueryInterpretation(q.Query, null, null, null, false), quotes));
        bot.Api.EnqueueUpdate(Updates.InlineQuery("sanctions"));

        var answer = (await bot.Api.WaitForAsync(r => r.Any(x => x.Method == "answerInlineQuery"), what: "the inline answer")).Single(x => x.Method == "answerInlineQuery");

        var search = Assert.Single(bot.Search.Calls);
        Assert.Equal("sanctions", search.Query);
        Assert.Equal(10, search.Limit);
        var results = answer.Body["results"]!.AsArray();
        Assert.Equal(10, results.Count);
        for (int i = 0; i < results.Count; i++)
        {
            var result = results[i]!;
            Assert.Equal("article", result["type"]!.GetValue<string>());
            Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(result["id"]!.GetValue<string>()), 1, 64);
            Assert.Equal("Sergey Lavrov, 8 November 2017", result["title"]!.GetValue<string>());
            var content = result["input_message_content"]!;
            Assert.True(content["link_preview_options"]!["is_disabled"]!.GetValue<bool>());
            var parsed = Spec.TelegramHtmlParser.Parse(content["message_text"]!.GetValue<string>());
            Assert.True(parsed.IsValid);
            Assert.Equal(quotes[i].Text, Assert.Single(parsed.Blockquotes));
            Assert.Contains("— Sergey Lavrov, Minister of Foreign Affairs · ", parsed.Text, StringComparison.Ordinal);
        }

        Assert.Empty(bot.Api.Sent("sendMessage"));
        Checks.Clean(bot);
    }

    [Fact]
    public async Task An_empty_inline_query_gets_no_results_and_a_help_button()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Api.EnqueueUpdate(Updates.InlineQuery(""));

        var answer = (await bot.Api.WaitForAsync(r => r.Any(x => x.Method == "answerInlineQuery"), what: "the inline answer")).Single(x => x.Method == "answerInlineQuery");

        Assert.Empty(answer.Body["results"]!.AsArray());
        Assert.Equal("help", answer.Body["button"]!["start_parameter"]!.GetValue<string>());
        Assert.Empty(bot.Search.Calls);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task Source_shows_the_journalists_question_labelled_as_such_and_the_officials_answer_with_the_quote_in_bold()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Api.EnqueueUpdate(Updates.PrivateText("Korea?"));
        await bot.Api.WaitForMessagesAsync(Updates.UserId, 1);
        bot.Api.EnqueueUpdate(Updates.PrivateText("/source 1"));

        var source = (await bot.Api.WaitForMessagesAsync(Updates.UserId, 2))[1].Parsed;

        Assert.True(source.IsValid);
        Assert.StartsWith("Source of [1]\n\nQuestion asked (by a journalist, not the speaker's words):\nWhat do you think about the situation on the Korean Peninsula & the sanctions?", source.Text, StringComparison.Ordinal);
        var italic = Assert.Single(source.Entities, e => e.Tag == "italic");
        Assert.Equal("What do you think about the situation on the Korean Peninsula & the sanctions?", italic.TextOf(source.Text));
        Assert.Equal(Checks.Normalize(TestData.AnswerTurnText), Checks.Normalize(Assert.Single(source.Blockquotes)));
        Assert.DoesNotContain("Korean Peninsula & the sanctions", Assert.Single(source.Blockquotes), StringComparison.Ordinal);
        Assert.Contains("\n\nSergey Lavrov answered (quote [1] in bold):\n", source.Text, StringComparison.Ordinal);
        var bold = source.Entities.Where(e => e.Tag == "bold").Select(e => e.TextOf(source.Text)).ToList();
        Assert.Contains(TestData.AnswerTurnText[..TestData.AnswerTurnText.IndexOf("\n\n", StringComparison.Ordinal)], bold);
        // The citation once, under the passage, then where to read the whole transcript.
        Assert.Contains("\n— Sergey Lavrov, Minister of Foreign Affairs · Remarks & answers to media questions <APEC> · Da Nang, 8 November 2017\n\nFull transcript: www.mid.ru", source.Text, StringComparison.Ordinal);
        var link = Assert.Single(source.Entities, e => e.Tag == "a"); // the link once, to the whole transcript
        Assert.Equal(TestData.Document.Url, link.Href);

        bot.Api.EnqueueUpdate(Updates.PrivateText("/source 4"));
        bot.Api.EnqueueUpdate(Updates.PrivateText("/source"));
        var replies = await bot.Api.WaitForMessagesAsync(Updates.UserId, 4);
        Assert.Equal("My last answer has quotes [1] to [1]; there is no [4].", replies[2].Visible);
        Assert.StartsWith("Send the quote number", replies[3].Visible, StringComparison.Ordinal);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_long_source_turn_is_split_between_sentences_into_valid_blockquotes()
    {
        var turn = LongQuote(1, sentences: 80);
        var text = "Question: What next?\n\nSergey Lavrov: " + turn;
        var document = TestData.Document with
        {
            Id = "long", Text = text,
            Turns =
            [
                new Turn(0, "Question", "Question", SpeakerRole.Question, 10, 20),
                new Turn(1, "Sergey Lavrov", "Sergey Lavrov", SpeakerRole.Principal, text.IndexOf(turn, StringComparison.Ordinal), text.Length, "Minister of Foreign Affairs"),
            ],
        };
        var quote = TestData.Quote(turn[..200], DocumentInfo.From(document)) with { Start = text.IndexOf(turn, StringComparison.Ordinal), End = text.IndexOf(turn, StringComparison.Ordinal) + 200 };
        await using var bot = await BotHarness.StartAsync();
        bot.Store.Documents["long"] = document;
        bot.Answers.OnAsk = (q, _, _, _) => Task.FromResult(TestData.ExtractiveAnswer(q, quote));
        bot.Api.EnqueueUpdate(Updates.PrivateText("next?"));
        await bot.Api.WaitForMessagesAsync(Updates.UserId, 1);
        bot.Api.EnqueueUpdate(Updates.PrivateText("/source 1"));

        await bot.Api.WaitForMessagesAsync(Updates.UserId, 3);
        await Task.Delay(300, TestContext.Current.CancellationToken); // let every part of the source arrive
        var parts = bot.Api.MessagesTo(Updates.UserId).Skip(1).ToList();

        Assert.True(parts.Count >= 2);
        Assert.All(parts, p => Assert.True(p.Parsed.IsValid && p.Text!.Length <= 4096));
        Assert.Equal(Checks.Normalize(turn), Checks.Normalize(string.Join(" ", parts.SelectMany(p => p.Parsed.Blockquotes))));
        Assert.All(parts.SelectMany(p => p.Parsed.Blockquotes), b => Assert.EndsWith(".", b.TrimEnd(), StringComparison.Ordinal));
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_stranger_gets_a_polite_refusal_in_private_silence_in_groups_and_allowed_users_and_chats_are_answered()
    {
        const long allowedUser = 777, stranger = 5001, allowedGroup = -100777;
        await using var bot = await BotHarness.StartAsync(o =>
        {
            o.AllowedUserIds = [allowedUser];
            o.AllowedChatIds = [allowedGroup];
        });
        bot.Api.EnqueueUpdate(Updates.PrivateText("Who are you?", stranger));
        bot.Api.EnqueueUpdate(Updates.GroupText($"@{FakeBotApiServer.BotUsername} who are you?", stranger));
        bot.Api.EnqueueUpdate(Updates.InlineQuery("sanctions", stranger));
        bot.Api.EnqueueUpdate(Updates.PrivateText("Korea?", allowedUser));
        bot.Api.EnqueueUpdate(Updates.GroupText("/ask Korea?", stranger, allowedGroup));

        var refusal = Assert.Single(await bot.Api.WaitForMessagesAsync(stranger, 1));
        await bot.Api.WaitForMessagesAsync(allowedUser, 1);
        await bot.Api.WaitForMessagesAsync(allowedGroup, 1);
        await bot.Api.WaitForAsync(r => r.Any(x => x.Method == "answerInlineQuery"), what: "the inline answer");

        Assert.Equal("Sorry, this bot is private: your account is not on its list of users.", refusal.Visible);
        Assert.Empty(bot.Api.MessagesTo(Updates.GroupId));
        var inline = bot.Api.Sent("answerInlineQuery").Single().Body;
        Assert.Empty(inline["results"]!.AsArray());
        Assert.True(inline["is_personal"]!.GetValue<bool>());
        Assert.Empty(bot.Search.Calls);
        Assert.Equal(2, bot.Answers.Calls.Count);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_user_over_the_rate_limit_gets_one_polite_reply_and_is_not_answered()
    {
        await using var bot = await BotHarness.StartAsync(o => o.QuestionsPerMinute = 2);
        foreach (var q in new[] { "one", "two", "three", "four" }) bot.Api.EnqueueUpdate(Updates.PrivateText(q));

        await bot.Api.WaitForMessagesAsync(Updates.UserId, 3);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        var messages = bot.Api.MessagesTo(Updates.UserId);
        Assert.Equal(3, messages.Count);
        Assert.StartsWith("You're asking faster than I can answer (up to 2 questions a minute).", messages[2].Visible, StringComparison.Ordinal);
        Assert.Equal(["one", "two"], bot.Answers.Calls.Select(c => c.Question));
        Checks.Clean(bot);
    }

    [Fact]
    public async Task In_a_group_only_commands_mentions_and_replies_to_the_bot_are_answered()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.WaitUntilPollingAsync();
        bot.Api.EnqueueUpdate(Updates.GroupText("What did Lavrov say yesterday?"));
        bot.Api.EnqueueUpdate(Updates.GroupText("/ask@other_bot Korea?"));
        bot.Api.EnqueueUpdate(Updates.GroupText($"/ask@{FakeBotApiServer.BotUsername} Korea?"));
        var mention = Updates.GroupText($"@{FakeBotApiServer.BotUsername}  what about Syria?");
        bot.Api.EnqueueUpdate(mention);
        bot.Api.EnqueueUpdate(Updates.GroupText("And Iran?", replyToBotMessage: 1001));
        bot.Api.EnqueueUpdate(Updates.GroupText("/quote NATO"));
        bot.Api.EnqueueUpdate(Updates.GroupText("/weather"));

        var messages = await bot.Api.WaitForMessagesAsync(Updates.GroupId, 4);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Equal(4, bot.Api.MessagesTo(Updates.GroupId).Count);
        Assert.Equal(["Korea?", "what about Syria?", "And Iran?", "NATO"], bot.Answers.Calls.Select(c => c.Question));
        Assert.True(bot.Answers.Calls.Last().Options!.QuotesOnly);
        Assert.Equal(mention["message"]!["message_id"]!.GetValue<int>(), messages[1].ReplyTo);
        Assert.All(messages, m => Assert.NotNull(m.ReplyTo));
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_message_over_1000_characters_is_refused_politely_and_one_of_1000_is_answered()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Api.EnqueueUpdate(Updates.PrivateText(new string('x', 1001)));
        bot.Api.EnqueueUpdate(Updates.PrivateText(new string('y', 1000)));

        var messages = await bot.Api.WaitForMessagesAsync(Updates.UserId, 2);

        Assert.Equal("That message is 1,001 characters long. Please keep questions under 1,000 characters.", messages[0].Visible);
        Assert.Equal(new string('y', 1000), Assert.Single(bot.Answers.Calls).Question);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_failing_update_is_logged_with_its_exception_and_the_next_one_is_still_answered()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Answers.OnAsk = (q, _, _, _) => q == "boom" ? throw new InvalidOperationException("model exploded") : Task.FromResult(TestData.ExtractiveAnswer(q));
        bot.Api.Fail("sendMessage", ServerFault.Error(403, "Forbidden: bot was blocked by the user"));
        bot.Api.EnqueueUpdate(Updates.PrivateText("first, whose reply is refused"));
        bot.Api.EnqueueUpdate(Updates.PrivateText("boom"));
        bot.Api.EnqueueUpdate(Updates.PrivateText("after"));

        var messages = await bot.Api.WaitForMessagesAsync(Updates.UserId, 2);

        Assert.Equal("Sorry, something went wrong while answering. Please try again in a moment.", messages[0].Visible);
        Assert.Contains("[1]", messages[1].Visible, StringComparison.Ordinal);
        var failed = Assert.Single(bot.Logs.Entries, e => e.EventId.Id == 7130);
        var apiError = Assert.IsType<ChatBot.Telegram.Api.TelegramApiException>(failed.Exception);
        Assert.Equal(403, apiError.ErrorCode);
        var answerFailed = Assert.Single(bot.Logs.Entries, e => e.EventId.Id == 7135);
        Assert.Equal("model exploded", answerFailed.Exception!.Message);
        Assert.DoesNotContain("model exploded", answerFailed.Message, StringComparison.Ordinal);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_follow_up_is_asked_with_the_chats_earlier_answers_oldest_first()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Api.EnqueueUpdate(Updates.PrivateText("What about North Korea?"));
        bot.Api.EnqueueUpdate(Updates.PrivateText("And about Syria?"));
        bot.Api.EnqueueUpdate(Updates.PrivateText("Something else", userId: 9999));

        await bot.Api.WaitForMessagesAsync(Updates.UserId, 2);
        await bot.Api.WaitForMessagesAsync(9999, 1);

        var calls = bot.Answers.Calls.ToList();
        Assert.Empty(calls.Single(c => c.Question == "What about North Korea?").History);
        Assert.Equal("What about North Korea?", Assert.Single(calls.Single(c => c.Question == "And about Syria?").History).Question);
        Assert.Empty(calls.Single(c => c.Question == "Something else").History);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_chats_history_is_kept_in_the_hosts_conversation_store_under_the_chats_own_id()
    {
        var conversations = TestData.Conversations();
        await using var bot = await BotHarness.StartAsync(services: s => s.AddSingleton<IConversationStore>(conversations));
        bot.Api.EnqueueUpdate(Updates.PrivateText("What about North Korea?"));
        await bot.Api.WaitForMessagesAsync(Updates.UserId, 1);

        var chat = TelegramConversations.IdOf(Updates.UserId);
        Assert.True(conversations.TryGetHistory(chat, chat, out var history));
        Assert.Equal("What about North Korea?", Assert.Single(history).Question);
        // An HTTP client (owner "key:…") that learns the chat's conversation id can neither read it nor write to it.
        Assert.False(conversations.TryGetHistory(chat, "key:1", out _));
        Assert.False(conversations.Append(chat, "key:1", TestData.ExtractiveAnswer("planted")));
        Assert.False(conversations.Open(chat, "key:1"));
        Assert.Single(conversations.TryGetHistory(chat, chat, out history) ? history : []);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task After_the_idle_expiry_a_follow_up_has_no_history_and_source_has_no_answer_to_read()
    {
        var time = new ManualTime();
        var conversations = TestData.Conversations(time, new ConversationOptions { IdleExpiry = TimeSpan.FromMinutes(30) });
        await using var bot = await BotHarness.StartAsync(services: s => s.AddSingleton<IConversationStore>(conversations));
        bot.Api.EnqueueUpdate(Updates.PrivateText("What about North Korea?"));
        await bot.Api.WaitForMessagesAsync(Updates.UserId, 1);

        time.Advance(TimeSpan.FromMinutes(31));
        bot.Api.EnqueueUpdate(Updates.PrivateText("/source 1"));
        bot.Api.EnqueueUpdate(Updates.PrivateText("And about Syria?"));
        var messages = await bot.Api.WaitForMessagesAsync(Updates.UserId, 3);

        Assert.Equal(BotTexts.NoLastAnswer, messages[1].Visible);
        Assert.Empty(bot.Answers.Calls.Single(c => c.Question == "And about Syria?").History);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task A_refusal_says_the_transcripts_hold_no_answer_and_how_many_documents_were_searched()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Answers.OnAsk = (q, _, _, _) => Task.FromResult(TestData.Refusal(q, 1234));
        bot.Api.EnqueueUpdate(Updates.PrivateText("What did Lavrov say about cricket?"));

        var message = Assert.Single(await bot.Api.WaitForMessagesAsync(Updates.UserId, 1));

        Assert.Equal("The transcripts hold nothing on that topic.\n\nThe transcripts hold no answer to this: 1,234 documents searched.", message.Visible);

        // The answer service's own refusal (it has a reason) says how many documents were searched: not repeated.
        const string stated = "The transcripts hold no statement on “cricket”: 1234 documents were searched.";
        bot.Answers.OnAsk = (q, _, _, _) => Task.FromResult(TestData.Refusal(q, 1234) with { Text = stated, Lead = stated, RefusalReason = RefusalReason.NothingRelevant });
        bot.Api.EnqueueUpdate(Updates.PrivateText("And about cricket?"));
        Assert.Equal(stated, (await bot.Api.WaitForMessagesAsync(Updates.UserId, 2))[1].Visible);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task An_llm_answer_shows_its_prose_then_the_numbered_quotes_and_any_notice()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Answers.OnAsk = (q, _, _, _) => Task.FromResult(TestData.ExtractiveAnswer(q, TestData.Quote("First."), TestData.Quote("Second.")) with
        {
            Mode = AnswerMode.Llm,
            Text = "Lavrov called for talks [1] and dismissed sanctions [2].",
            Notice = "Checked against the transcripts.",
        });
        bot.Api.EnqueueUpdate(Updates.PrivateText("Korea?"));

        var message = Assert.Single(await bot.Api.WaitForMessagesAsync(Updates.UserId, 1));

        Assert.StartsWith("Lavrov called for talks [1] and dismissed sanctions [2].\n\n[1]\nFirst.\n— Sergey Lavrov", message.Visible, StringComparison.Ordinal);
        Assert.Contains("[2]\nSecond.\n— Sergey Lavrov", message.Visible, StringComparison.Ordinal);
        Assert.EndsWith("\n\nChecked against the transcripts.", message.Visible, StringComparison.Ordinal);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task About_lists_the_transcripts_date_range_and_officials_from_the_store()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Store.Statistics = new StoreStatistics(2, 340, 3, new DateOnly(2016, 11, 17), new DateOnly(2017, 11, 8), 384, 1_000_000);
        bot.Store.Speakers.AddRange(
        [
            new SpeakerSummary("Sergey Lavrov", SpeakerRole.Principal, 300, 2),
            new SpeakerSummary("Maria Zakharova", SpeakerRole.Principal, 1, 1),
            new SpeakerSummary("Question", SpeakerRole.Question, 39, 2),
        ]);
        bot.Api.EnqueueUpdate(Updates.PrivateText("/about"));

        var message = Assert.Single(await bot.Api.WaitForMessagesAsync(Updates.UserId, 1));

        Assert.Equal(
            "What I know\n2 transcripts, 17 November 2016 – 8 November 2017\n340 indexed passages\n\nOfficials quoted\n• Sergey Lavrov — 300 passages in 2 documents\n• Maria Zakharova — 1 passage in 1 document",
            message.Visible);
        Checks.Clean(bot);
    }

    [Fact]
    public async Task Start_help_quote_unknown_commands_and_non_text_messages_get_the_right_replies()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Api.EnqueueUpdate(Updates.PrivateText("/start"));
        bot.Api.EnqueueUpdate(Updates.PrivateText("/help"));
        bot.Api.EnqueueUpdate(Updates.PrivateText("/quote sanctions"));
        bot.Api.EnqueueUpdate(Updates.PrivateText("/ask"));
        bot.Api.EnqueueUpdate(Updates.PrivateText("/weather"));
        bot.Api.EnqueueUpdate(Updates.Sticker());

        var messages = await bot.Api.WaitForMessagesAsync(Updates.UserId, 6);

        Assert.StartsWith("Hello!", messages[0].Visible, StringComparison.Ordinal);
        Assert.Contains($"@{FakeBotApiServer.BotUsername} topic", messages[1].Visible, StringComparison.Ordinal);
        Assert.Equal("sanctions", Assert.Single(bot.Answers.Calls).Question);
        Assert.True(bot.Answers.Calls.Single().Options!.QuotesOnly);
        Assert.StartsWith("Send a question after the command", messages[3].Visible, StringComparison.Ordinal);
        Assert.Equal("I don't know that command. /help lists what I can do.", messages[4].Visible);
        Assert.Equal("I read text only: send your question as a message.", messages[5].Visible);
        Checks.Clean(bot);
    }

    /// <summary>A quote of whole sentences, with characters that need escaping.</summary>
    internal static string LongQuote(int number, int sentences) =>
        string.Join(" ", Enumerable.Range(1, sentences).Select(s => $"Quote {number}, sentence {s}: our partners & allies must understand that pressure <of any kind> leads nowhere, and we will respond accordingly."));
}
