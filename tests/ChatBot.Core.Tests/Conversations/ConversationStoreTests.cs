using ChatBot.Answering;
using ChatBot.Conversations;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Conversations;

/// <summary>The one conversation store of the HTTP API and the Telegram bot: ids, owners, bounds and expiry.</summary>
public sealed class ConversationStoreTests
{
    private readonly ManualTime _time = new();

    private ConversationStore Store(ConversationOptions? options = null) => new(Options.Create(options ?? new ConversationOptions()), _time);

    private static Answer AnswerTo(string question) => new()
    {
        Question = question,
        StandaloneQuestion = question,
        Text = "",
        Lead = "",
        Mode = AnswerMode.Extractive,
        Refused = true,
        Quotes = [],
        DocumentsSearched = 0,
    };

    private static string[] Questions(IConversationStore store, string id, string owner) =>
        store.TryGetHistory(id, owner, out var history) ? [.. history.Select(a => a.Question)] : ["(none)"];

    [Fact]
    public void Issued_ids_are_128_random_bits_in_lower_case_hex_and_never_repeat()
    {
        var store = Store();

        var ids = Enumerable.Range(0, 1000).Select(_ => store.Start("key:1")).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_conversation_answers_only_to_its_owner_and_a_foreign_id_looks_like_an_unknown_one()
    {
        var store = Store();
        var id = store.Start("key:alice");
        Assert.True(store.Append(id, "key:alice", AnswerTo("North Korea?")));

        Assert.False(store.TryGetHistory(id, "key:bob", out var stolen));
        Assert.Empty(stolen);
        Assert.False(store.Append(id, "key:bob", AnswerTo("planted")));
        Assert.False(store.Open(id, "key:bob"));
        Assert.False(store.TryGetHistory("0123456789abcdef0123456789abcdef", "key:alice", out _));
        Assert.False(store.Append("unknown", "key:alice", AnswerTo("lost")));

        Assert.Equal(["North Korea?"], Questions(store, id, "key:alice"));
    }

    [Fact]
    public void An_HTTP_follow_up_and_a_Telegram_follow_up_go_through_the_same_store_without_seeing_each_other()
    {
        IConversationStore store = Store();
        // The HTTP API: the store issues the id, bound to the API key.
        var http = store.Start("key:newsroom");
        store.Append(http, "key:newsroom", AnswerTo("What about North Korea?"));
        // The Telegram bot: the chat names its own conversation, which it owns.
        const string chat = "telegram-chat:5001";
        Assert.True(store.Open(chat, chat));
        store.Append(chat, chat, AnswerTo("What about Syria?"));

        Assert.Equal(["What about North Korea?"], Questions(store, http, "key:newsroom"));
        Assert.Equal(["What about Syria?"], Questions(store, chat, chat));
        Assert.False(store.TryGetHistory(chat, "key:newsroom", out _));
        Assert.False(store.TryGetHistory(http, chat, out _));
    }

    [Fact]
    public void Opening_an_existing_conversation_keeps_its_history()
    {
        var store = Store();
        store.Open("chat:1", "chat:1");
        store.Append("chat:1", "chat:1", AnswerTo("a"));

        Assert.True(store.Open("chat:1", "chat:1"));

        Assert.Equal(["a"], Questions(store, "chat:1", "chat:1"));
    }

    [Fact]
    public void Only_the_last_MaxAnswers_answers_are_kept_oldest_first()
    {
        var store = Store(new ConversationOptions { MaxAnswers = 2 });
        var id = store.Start("ip:127.0.0.1");

        foreach (var q in new[] { "a", "b", "c" }) store.Append(id, "ip:127.0.0.1", AnswerTo(q));

        Assert.Equal(["b", "c"], Questions(store, id, "ip:127.0.0.1"));
    }

    [Fact]
    public void With_MaxAnswers_zero_conversations_exist_but_remember_nothing()
    {
        var store = Store(new ConversationOptions { MaxAnswers = 0 });
        var id = store.Start("key:1");

        Assert.True(store.Append(id, "key:1", AnswerTo("a")));

        Assert.Empty(Questions(store, id, "key:1"));
    }

    [Fact]
    public void A_conversation_idle_for_the_expiry_is_forgotten_but_use_keeps_it_alive()
    {
        var store = Store(new ConversationOptions { IdleExpiry = TimeSpan.FromMinutes(30), AnswerMaxAge = TimeSpan.FromHours(10) });
        var busy = store.Start("key:1");
        var idle = store.Start("key:1");
        store.Append(busy, "key:1", AnswerTo("a"));
        store.Append(idle, "key:1", AnswerTo("b"));

        for (int i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(20));
            Assert.True(store.TryGetHistory(busy, "key:1", out _));
        }

        Assert.False(store.TryGetHistory(idle, "key:1", out _));
        Assert.False(store.Append(idle, "key:1", AnswerTo("late")));
        Assert.Equal(["a"], Questions(store, busy, "key:1"));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void An_expired_conversation_opened_again_starts_empty()
    {
        var store = Store(new ConversationOptions { IdleExpiry = TimeSpan.FromMinutes(30) });
        store.Open("chat:1", "chat:1");
        store.Append("chat:1", "chat:1", AnswerTo("a"));

        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.True(store.Open("chat:1", "chat:1"));
        Assert.Empty(Questions(store, "chat:1", "chat:1"));
    }

    [Fact]
    public void Answers_older_than_AnswerMaxAge_drop_out_of_a_busy_conversation()
    {
        var store = Store(new ConversationOptions { IdleExpiry = TimeSpan.FromMinutes(30), AnswerMaxAge = TimeSpan.FromMinutes(50) });
        var id = store.Start("key:1");
        store.Append(id, "key:1", AnswerTo("old"));
        _time.Advance(TimeSpan.FromMinutes(25));
        store.Append(id, "key:1", AnswerTo("newer"));
        _time.Advance(TimeSpan.FromMinutes(25));

        Assert.Equal(["newer"], Questions(store, id, "key:1"));
    }

    [Fact]
    public void At_MaxConversations_the_least_recently_used_conversation_is_dropped()
    {
        var store = Store(new ConversationOptions { MaxConversations = 3 });
        var first = store.Start("key:1");
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = store.Start("key:1");
        _time.Advance(TimeSpan.FromSeconds(1));
        var third = store.Start("key:1");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(store.TryGetHistory(first, "key:1", out _)); // used again: now the second is the least recent

        var fourth = store.Start("key:1");

        Assert.Equal(3, store.Count);
        Assert.False(store.TryGetHistory(second, "key:1", out _));
        Assert.True(store.TryGetHistory(first, "key:1", out _));
        Assert.True(store.TryGetHistory(third, "key:1", out _));
        Assert.True(store.TryGetHistory(fourth, "key:1", out _));
    }

    [Fact]
    public void Concurrent_conversations_each_keep_their_own_answers()
    {
        var store = Store(new ConversationOptions { MaxAnswers = 50 });
        var ids = Enumerable.Range(0, 8).Select(i => store.Start("key:" + i)).ToArray();

        Parallel.For(0, 8 * 40, n => store.Append(ids[n % 8], "key:" + (n % 8), AnswerTo((n % 8).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        for (int i = 0; i < 8; i++)
            Assert.All(Questions(store, ids[i], "key:" + i), q => Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), q));
        Assert.All(ids.Select((id, i) => Questions(store, id, "key:" + i).Length), n => Assert.Equal(40, n));
    }

    [Theory]
    [InlineData(-1, 30, 60, 10, "MaxAnswers")]
    [InlineData(51, 30, 60, 10, "MaxAnswers")]
    [InlineData(6, 0, 60, 10, "IdleExpiry")]
    [InlineData(6, 30, 0, 10, "AnswerMaxAge")]
    [InlineData(6, 30, 60, 0, "MaxConversations")]
    public void Out_of_range_options_fail_validation_naming_the_setting(int maxAnswers, int idleMinutes, int ageMinutes, int maxConversations, string setting)
    {
        var options = new ConversationOptions
        {
            MaxAnswers = maxAnswers,
            IdleExpiry = TimeSpan.FromMinutes(idleMinutes),
            AnswerMaxAge = TimeSpan.FromMinutes(ageMinutes),
            MaxConversations = maxConversations,
        };

        var result = new ConversationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("ChatBot:Conversations:" + setting, result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new ConversationOptionsValidator().Validate(null, new ConversationOptions()).Succeeded);
    }
}
