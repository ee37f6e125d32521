using ChatBot.Answering;

namespace ChatBot.Conversations;

/// <summary>
/// The one home of conversations for every front end: the recent answers of each conversation, which follow-up
/// questions are resolved against (and which Telegram's <c>/source</c> reads). A conversation has an id and an
/// owner, and answers only to its owner: every read and write names both, and a foreign id behaves exactly like an
/// unknown one, so an id seen elsewhere reveals nothing. The HTTP API lets the store issue unguessable ids
/// (<see cref="Start"/>); a front end whose chats are already authenticated names its own (<see cref="Open"/>, e.g.
/// one conversation per Telegram chat). Implementations are bounded (answers per conversation, conversations in
/// all, idle expiry; see <see cref="ConversationOptions"/>) and thread-safe.
/// </summary>
public interface IConversationStore
{
    /// <summary>Starts a conversation owned by <paramref name="owner"/> and returns its new, unguessable id.</summary>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty.</exception>
    string Start(string owner);

    /// <summary>
    /// Finds the conversation <paramref name="conversationId"/> of <paramref name="owner"/>, or starts it under that
    /// id when there is none (or it expired). False when the id is another owner's: nothing is changed then.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="conversationId"/> or <paramref name="owner"/> is empty.</exception>
    bool Open(string conversationId, string owner);

    /// <summary>
    /// The conversation's answers still in date, oldest first; false (and an empty list) when the id is unknown,
    /// expired or another owner's. A successful read counts as use of the conversation (it does not go idle).
    /// </summary>
    bool TryGetHistory(string conversationId, string owner, out IReadOnlyList<Answer> history);

    /// <summary>
    /// Adds an answer to the owner's conversation, dropping the oldest beyond the bound; false when the
    /// conversation is unknown, expired or another owner's.
    /// </summary>
    bool Append(string conversationId, string owner, Answer answer);
}
