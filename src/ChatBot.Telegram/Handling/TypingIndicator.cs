using ChatBot.Telegram.Api;
using ChatBot.Telegram.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ChatBot.Telegram.Handling;

/// <summary>
/// Shows "typing..." in a chat until disposed, renewing it every four seconds (Telegram shows it for five).
/// Disposing ends the wait between renewals but lets a renewal already sent finish, so "typing..." always precedes
/// the answer. A failure to send it is logged and otherwise ignored: it must never cost the answer.
/// </summary>
internal sealed class TypingIndicator : IAsyncDisposable
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(4);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private TypingIndicator(ITelegramBotApi api, long chatId, int? threadId, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        _loop = RunAsync(api, chatId, threadId, logger, time, cancellationToken);
    }

    /// <summary>Starts showing "typing..." in the chat.</summary>
    public static TypingIndicator Start(ITelegramBotApi api, long chatId, int? threadId, ILogger logger, TimeProvider time, CancellationToken cancellationToken) =>
        new(api, chatId, threadId, logger, time, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(ITelegramBotApi api, long chatId, int? threadId, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        try
        {
            while (!either.IsCancellationRequested)
            {
                try
                {
                    await api.SendTypingAsync(chatId, threadId, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.TypingFailed(logger, ex, chatId);
                }

                await Task.Delay(s_interval, time, either.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the answer is ready, or the bot is shutting down.
        }
    }
}
