using Telegram.Bot.Types;

namespace ChatBot.Telegram.Handling;

/// <summary>Who the bot is (from <c>getMe</c> at start): needed to tell whether a group message addresses it.</summary>
internal sealed class BotIdentity
{
    private readonly TaskCompletionSource<User> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The bot's user id, or null before <c>getMe</c> succeeded.</summary>
    public long? Id => _known.Task.IsCompletedSuccessfully ? _known.Task.Result.Id : null;

    /// <summary>The bot's username without '@', or null before <c>getMe</c> succeeded.</summary>
    public string? Username => _known.Task.IsCompletedSuccessfully ? _known.Task.Result.Username : null;

    /// <summary>Records the bot's user.</summary>
    public void Set(User me) => _known.TrySetResult(me);

    /// <summary>Waits up to <paramref name="timeout"/> for <c>getMe</c> to have succeeded.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _known.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Carry on without it: only group mentions depend on it.
        }
    }
}
