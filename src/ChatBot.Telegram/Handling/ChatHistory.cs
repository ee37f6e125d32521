using System.Collections.Concurrent;
using ChatBot.Answering;
using Microsoft.Extensions.Options;

namespace ChatBot.Telegram.Handling;

/// <summary>
/// The recent answers of each chat, in memory, for follow-up questions and <c>/source</c>: at most
/// <see cref="TelegramOptions.HistorySize"/> answers per chat, none older than <see cref="TelegramOptions.HistoryMaxAge"/>,
/// and at most <see cref="TelegramOptions.MaxTrackedChats"/> chats (the least recently used are dropped). Thread-safe.
/// </summary>
internal sealed class ChatHistory(IOptions<TelegramOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, Entry> _chats = new();
    private readonly TelegramOptions _options = options.Value;

    /// <summary>The chat's answers still in date, oldest first.</summary>
    public IReadOnlyList<Answer> Get(long chatId)
    {
        if (!_chats.TryGetValue(chatId, out var entry)) return [];
        var now = time.GetUtcNow();
        lock (entry)
        {
            entry.Answers.RemoveAll(a => now - a.At > _options.HistoryMaxAge);
            return [.. entry.Answers.Select(a => a.Answer)];
        }
    }

    /// <summary>The chat's latest answer still in date, or null.</summary>
    public Answer? Last(long chatId) => Get(chatId) is { Count: > 0 } answers ? answers[^1] : null;

    /// <summary>Records an answer given in the chat.</summary>
    public void Add(long chatId, Answer answer)
    {
        if (_options.HistorySize == 0) return;
        var now = time.GetUtcNow();
        var entry = _chats.GetOrAdd(chatId, _ => new Entry());
        lock (entry)
        {
            entry.Answers.Add((answer, now));
            entry.Answers.RemoveAll(a => now - a.At > _options.HistoryMaxAge);
            if (entry.Answers.Count > _options.HistorySize) entry.Answers.RemoveRange(0, entry.Answers.Count - _options.HistorySize);
            entry.LastUsed = now;
        }

        if (_chats.Count > _options.MaxTrackedChats) Evict();
    }

    /// <summary>Drops the least recently used tenth of the chats.</summary>
    private void Evict()
    {
        int excess = _chats.Count - _options.MaxTrackedChats + Math.Max(1, _options.MaxTrackedChats / 10);
        foreach (var (chatId, _) in _chats.OrderBy(pair => pair.Value.LastUsed).Take(excess).ToList())
            _chats.TryRemove(chatId, out _);
    }

    private sealed class Entry
    {
        public List<(Answer Answer, DateTimeOffset At)> Answers { get; } = [];

        public DateTimeOffset LastUsed { get; set; }
    }
}
