using ChatBot.Telegram.Api;
using ChatBot.Telegram.Diagnostics;
using ChatBot.Telegram.Formatting;
using ChatBot.Telegram.Handling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace ChatBot.Telegram.Hosting;

/// <summary>
/// The bot's background service. At start: <c>getMe</c> (retried with back-off until it succeeds; a rejected token
/// stops the bot, not the host), <c>setMyCommands</c>, then either <c>setWebhook</c> (webhook mode) or
/// <c>deleteWebhook</c> and long polling. Polling hands each batch to <see cref="UpdateProcessor"/>: updates of one
/// chat in order, different chats concurrently (up to <see cref="TelegramOptions.MaxConcurrentUpdates"/>), and the
/// next <c>getUpdates</c> only after the batch, so Telegram drops an update only once it is handled.
/// </summary>
internal sealed class TelegramBotService(
    ITelegramBotApi api,
    UpdateProcessor processor,
    BotIdentity identity,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramBotService> logger) : BackgroundService
{
    private readonly TelegramOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await StartBotAsync(stoppingToken) is not { } me) return;
            if (_options.Mode == TelegramMode.Webhook)
            {
                await RegisterWebhookAsync(stoppingToken);
                return;
            }

            await PollAsync(me, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
        catch (Exception ex)
        {
            // Last resort: an exception escaping a BackgroundService stops the whole host (HTTP API included).
            Log.BotFailed(logger, ex);
        }

        Log.BotStopped(logger);
    }

    /// <summary>Learns who the bot is and publishes its commands; null when Telegram rejects the token.</summary>
    private async Task<User?> StartBotAsync(CancellationToken stoppingToken)
    {
        User me;
        for (int failures = 0; ; failures++)
        {
            try
            {
                me = await api.GetMeAsync(stoppingToken);
                break;
            }
            catch (TelegramApiException ex) when (ex.ErrorCode is 401 or 404)
            {
                Log.TokenRejected(logger, ex.ErrorCode);
                return null;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = Backoff(failures);
                Log.StartFailed(logger, ex, delay.TotalMilliseconds);
                await Task.Delay(delay, time, stoppingToken);
            }
        }

        identity.Set(me);
        Log.BotStarted(logger, me.Username, me.Id, _options.Mode);
        try
        {
            await api.SetMyCommandsAsync([.. BotTexts.Commands.Select(c => new BotCommand(c.Command, c.Description))], stoppingToken);
        }
        catch (Exception ex) when (ex is TelegramApiException or TelegramTransportException)
        {
            Log.SetCommandsFailed(logger, ex);
        }

        return me;
    }

    private async Task RegisterWebhookAsync(CancellationToken stoppingToken)
    {
        for (int failures = 0; ; failures++)
        {
            try
            {
                await api.SetWebhookAsync(_options.WebhookUrl!, _options.WebhookSecret!, TelegramUpdateHandler.AllowedUpdates, stoppingToken);
                Log.WebhookRegistered(logger, new Uri(_options.WebhookUrl!).Host);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = Backoff(failures);
                Log.WebhookRegistrationFailed(logger, ex, delay.TotalMilliseconds);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task PollAsync(User me, CancellationToken stoppingToken)
    {
        try
        {
            await api.DeleteWebhookAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is TelegramApiException or TelegramTransportException)
        {
            Log.DeleteWebhookFailed(logger, ex);
        }

        var tracker = new UpdateProgressTracker(new UpdateOffsetStore(_options.StateDirectory, me.Id, time, logger), logger);
        int failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await api.GetUpdatesAsync(tracker.Offset, _options.PollTimeout, TelegramUpdateHandler.AllowedUpdates, stoppingToken);
                failures = 0;
            }
            catch (TelegramApiException ex) when (ex.ErrorCode == 401)
            {
                Log.TokenRejected(logger, ex.ErrorCode);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = Backoff(failures++);
                Log.PollFailed(logger, ex, delay.TotalMilliseconds);
                if (ex is TelegramApiException { ErrorCode: 409 }) await TryDeleteWebhookAsync(stoppingToken);
                await Task.Delay(delay, time, stoppingToken);
                continue;
            }

            if (updates.Length == 0) continue;
            Log.UpdatesReceived(logger, updates.Length, tracker.Offset);
            var fresh = tracker.BeginBatch(updates);
            await Parallel.ForEachAsync(
                fresh.GroupBy(ChatKey),
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentUpdates, CancellationToken = stoppingToken },
                async (chatUpdates, cancellationToken) =>
                {
                    foreach (var update in chatUpdates)
                    {
                        await processor.ProcessAsync(update, cancellationToken);
                        tracker.MarkHandled(update.Id);
                    }
                });
        }
    }

    private async Task TryDeleteWebhookAsync(CancellationToken stoppingToken)
    {
        try
        {
            await api.DeleteWebhookAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is TelegramApiException or TelegramTransportException)
        {
            Log.DeleteWebhookFailed(logger, ex);
        }
    }

    /// <summary>Updates of one chat (or one inline user) are handled in order; others may run alongside.</summary>
    private static long ChatKey(Update update) =>
        update.Message?.Chat.Id ?? update.InlineQuery?.From.Id ?? -(long)update.Id - 1;

    private TimeSpan Backoff(int failures)
    {
        double ms = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 16));
        return TimeSpan.FromMilliseconds(Math.Min(Math.Max(ms, 1), _options.RetryMaxDelay.TotalMilliseconds));
    }
}
