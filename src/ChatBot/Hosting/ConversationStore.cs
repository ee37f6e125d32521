using System.Security.Cryptography;
using ChatBot.Answering;
using Microsoft.Extensions.Caching.Memory;

namespace ChatBot.Hosting;

/// <summary>
/// Conversation state for <c>POST /api/ask</c>: the last few answers of each conversation, kept in memory,
/// bounded in number of conversations and in age (idle conversations expire). Ids are issued here, 128 random
/// bits each, and a conversation answers only to the client (API key, or address without one) that started it,
/// so an id seen elsewhere reveals nothing. Thread-safe.
/// </summary>
public sealed class ConversationStore : IDisposable
{
    /// <summary>Answers remembered per conversation.</summary>
    public const int AnswersPerConversation = 6;

    /// <summary>Conversations remembered at once.</summary>
    public const int MaxConversations = 10_000;

    /// <summary>Idle time after which a conversation is forgotten.</summary>
    public static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxConversations });

    /// <summary>Starts a conversation owned by <paramref name="owner"/>; returns its new id (32 hex digits).</summary>
    public string Start(string owner)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var entry = _cache.CreateEntry(id);
        entry.Size = 1;
        entry.SlidingExpiration = IdleExpiry;
        entry.Value = new Conversation(owner);
        return id;
    }

    /// <summary>The conversation's answers, oldest first; false when the id is unknown, expired or another owner's.</summary>
    public bool TryGetHistory(string conversationId, string owner, out IReadOnlyList<Answer> history)
    {
        if (_cache.TryGetValue(conversationId, out Conversation? conversation) && conversation is not null && conversation.Owner == owner)
        {
            lock (conversation.Answers) history = [.. conversation.Answers];
            return true;
        }

        history = [];
        return false;
    }

    /// <summary>Adds an answer to the owner's conversation, dropping the oldest beyond the bound; false when it is not theirs or gone.</summary>
    public bool Append(string conversationId, string owner, Answer answer)
    {
        if (!_cache.TryGetValue(conversationId, out Conversation? conversation) || conversation is null || conversation.Owner != owner) return false;
        lock (conversation.Answers)
        {
            conversation.Answers.Add(answer);
            if (conversation.Answers.Count > AnswersPerConversation) conversation.Answers.RemoveRange(0, conversation.Answers.Count - AnswersPerConversation);
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    private sealed record Conversation(string Owner)
    {
        public List<Answer> Answers { get; } = [];
    }
}
