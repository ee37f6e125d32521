using System.Security.Cryptography;
using ChatBot.Answering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Conversations;

/// <summary>
/// <see cref="IConversationStore"/> in memory. Ids issued by <see cref="Start"/> are 128 random bits (32 lower-case
/// hex digits). Conversations are kept in order of last use, so the idle ones are dropped from the front as time
/// passes and, at <see cref="ConversationOptions.MaxConversations"/>, the least recently used goes to make room;
/// every operation is O(1) apart from copying a history. Time comes from the <see cref="TimeProvider"/>, so tests
/// can move it. Thread-safe (one lock; the work under it is a few dictionary and list operations).
/// </summary>
public sealed partial class ConversationStore : IConversationStore
{
    private const int IdBytes = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Conversation>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<Conversation> _byLastUse = new(); // least recently used first
    private readonly ConversationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates an empty store.</summary>
    public ConversationStore(IOptions<ConversationOptions> options, TimeProvider time, ILogger<ConversationStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? NullLogger<ConversationStore>.Instance;
    }

    /// <summary>How many conversations are held, expired ones not yet swept included (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _byId.Count;
        }
    }

    /// <inheritdoc />
    public string Start(string owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        lock (_lock)
        {
            var now = Sweep();
            string id;
            do id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
            while (_byId.ContainsKey(id));
            Add(id, owner, now);
            return id;
        }
    }

    /// <inheritdoc />
    public bool Open(string conversationId, string owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        lock (_lock)
        {
            var now = Sweep();
            if (_byId.TryGetValue(conversationId, out var node))
            {
                if (node.Value.Owner != owner) return false;
                Touch(node, now);
                return true;
            }

            Add(conversationId, owner, now);
            return true;
        }
    }

    /// <inheritdoc />
    public bool TryGetHistory(string conversationId, string owner, out IReadOnlyList<Answer> history)
    {
        lock (_lock)
        {
            var now = Sweep();
            if (Find(conversationId, owner) is not { } node)
            {
                history = [];
                return false;
            }

            Touch(node, now);
            var answers = node.Value.Answers;
            answers.RemoveAll(a => now - a.At >= _options.AnswerMaxAge);
            history = [.. answers.Select(a => a.Answer)];
            return true;
        }
    }

    /// <inheritdoc />
    public bool Append(string conversationId, string owner, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_lock)
        {
            var now = Sweep();
            if (Find(conversationId, owner) is not { } node) return false;
            Touch(node, now);
            var answers = node.Value.Answers;
            answers.Add((answer, now));
            answers.RemoveAll(a => now - a.At >= _options.AnswerMaxAge);
            if (answers.Count > _options.MaxAnswers) answers.RemoveRange(0, answers.Count - _options.MaxAnswers);
            return true;
        }
    }

    /// <summary>The owner's live conversation of that id, or null (unknown, swept or someone else's all look alike).</summary>
    private LinkedListNode<Conversation>? Find(string? conversationId, string? owner) =>
        conversationId is not null && owner is not null && _byId.TryGetValue(conversationId, out var node) && node.Value.Owner == owner ? node : null;

    /// <summary>Drops the conversations idle for <see cref="ConversationOptions.IdleExpiry"/> (all at the front) and returns the time. Under the lock.</summary>
    private DateTimeOffset Sweep()
    {
        var now = _time.GetUtcNow();
        while (_byLastUse.First is { } oldest && now - oldest.Value.LastUsed >= _options.IdleExpiry)
            Remove(oldest);
        return now;
    }

    /// <summary>Adds a conversation, first dropping the least recently used when the store is full. Under the lock.</summary>
    private void Add(string id, string owner, DateTimeOffset now)
    {
        while (_byId.Count >= _options.MaxConversations && _byLastUse.First is { } leastRecent)
        {
            Remove(leastRecent);
            LogConversationDropped(_logger, _options.MaxConversations);
        }

        _byId[id] = _byLastUse.AddLast(new Conversation(id, owner) { LastUsed = now });
    }

    /// <summary>Marks the conversation used now (moves it to the back). Under the lock.</summary>
    private void Touch(LinkedListNode<Conversation> node, DateTimeOffset now)
    {
        node.Value.LastUsed = now;
        _byLastUse.Remove(node);
        _byLastUse.AddLast(node);
    }

    private void Remove(LinkedListNode<Conversation> node)
    {
        _byLastUse.Remove(node);
        _byId.Remove(node.Value.Id);
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Conversation store full ({MaxConversations}): the least recently used conversation was dropped")]
    private static partial void LogConversationDropped(ILogger logger, int maxConversations);

    private sealed class Conversation(string id, string owner)
    {
        public string Id { get; } = id;

        public string Owner { get; } = owner;

        public DateTimeOffset LastUsed { get; set; }

        public List<(Answer Answer, DateTimeOffset At)> Answers { get; } = [];
    }
}
