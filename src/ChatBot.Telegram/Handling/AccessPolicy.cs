using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatBot.Telegram.Handling;

/// <summary>
/// Who may use the bot and how often. With both allow-lists empty everyone may; otherwise a user on
/// <see cref="TelegramOptions.AllowedUserIds"/>, or anyone in a chat on <see cref="TelegramOptions.AllowedChatIds"/>.
/// Questions and inline queries are limited per user by token buckets refilled evenly over a minute. Thread-safe.
/// </summary>
internal sealed class AccessPolicy : IDisposable
{
    private readonly HashSet<long> _users;
    private readonly HashSet<long> _chats;
    private readonly PartitionedRateLimiter<long> _questions;
    private readonly PartitionedRateLimiter<long> _inline;
    private readonly ConcurrentDictionary<long, DateTimeOffset> _warned = new();
    private readonly TimeProvider _time;

    public AccessPolicy(IOptions<TelegramOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _users = [.. o.AllowedUserIds];
        _chats = [.. o.AllowedChatIds];
        _time = time;
        QuestionsPerMinute = o.QuestionsPerMinute;
        _questions = PerMinute(o.QuestionsPerMinute);
        _inline = PerMinute(o.InlineQueriesPerMinute);
    }

    /// <summary>Questions a user may ask per minute.</summary>
    public int QuestionsPerMinute { get; }

    /// <summary>Whether an allow-list is configured (then inline results are personal, never shared by Telegram's cache).</summary>
    public bool Restricted => _users.Count > 0 || _chats.Count > 0;

    /// <summary>Whether the allow-lists admit the user in the chat (inline queries carry no chat: user list only).</summary>
    public bool IsAllowed(long userId, long? chatId) =>
        (_users.Count == 0 && _chats.Count == 0) || _users.Contains(userId) || (chatId is long c && _chats.Contains(c));

    /// <summary>
    /// Takes one question from the user's allowance. When refused, <paramref name="shouldWarn"/> is true at most once
    /// a minute per user, so a flood gets one polite reply rather than one per message.
    /// </summary>
    public bool TryAcquireQuestion(long userId, out bool shouldWarn, out TimeSpan? retryAfter)
    {
        using var lease = _questions.AttemptAcquire(userId);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        if (lease.IsAcquired)
        {
            shouldWarn = false;
            return true;
        }

        var now = _time.GetUtcNow();
        bool warn = true;
        _warned.AddOrUpdate(userId, now, (_, last) =>
        {
            warn = now - last >= TimeSpan.FromMinutes(1);
            return warn ? now : last;
        });
        shouldWarn = warn;
        if (_warned.Count > 10_000) _warned.Clear();
        return false;
    }

    /// <summary>Takes one inline query from the user's allowance.</summary>
    public bool TryAcquireInline(long userId)
    {
        using var lease = _inline.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _questions.Dispose();
        _inline.Dispose();
    }

    private static PartitionedRateLimiter<long> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<long, long>(userId => RateLimitPartition.GetTokenBucketLimiter(userId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / permits,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
