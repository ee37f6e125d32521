using ChatBot.Answering;
using Microsoft.Extensions.Caching.Memory;

namespace ChatBot.Hosting;

/// <summary>
/// Conversation state for <c>POST /api/ask</c>: the last few answers of each conversation, kept in memory,
/// bounded in number of conversations and in age (idle conversations expire). Thread-safe.
/// </summary>
public sealed class ConversationStore : IDisposable
{
    /// <summary>Answers remembered per conversation.</summary>
    public const int AnswersPerConversation = 6;

    /// <summary>Conversations remembered at once.</summary>
    public const int MaxConversations = 10_000;

    private static readonly TimeSpan s_idle = TimeSpan.FromMinutes(30);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxConversations });

    /// <summary>The conversation's answers, oldest first (empty for an unknown id).</summary>
    public IReadOnlyList<Answer> History(string conversationId) =>
        _cache.TryGetValue(conversationId, out List<Answer>? answers) && answers is not null ? Snapshot(answers) : [];

    /// <summary>Adds an answer to the conversation, dropping the oldest beyond the bound.</summary>
    public void Append(string conversationId, Answer answer)
    {
        var answers = _cache.GetOrCreate(conversationId, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = s_idle;
            return new List<Answer>();
        })!;
        lock (answers)
        {
            answers.Add(answer);
            if (answers.Count > AnswersPerConversation) answers.RemoveRange(0, answers.Count - AnswersPerConversation);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    private static List<Answer> Snapshot(List<Answer> answers)
    {
        lock (answers) return [.. answers];
    }
}
