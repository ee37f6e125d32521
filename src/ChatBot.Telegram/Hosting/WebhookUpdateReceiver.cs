using ChatBot.Telegram.Diagnostics;
using ChatBot.Telegram.Handling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace ChatBot.Telegram.Hosting;

/// <summary>
/// Handles updates posted to the webhook. Telegram repeats an update whose delivery timed out, so the ids of recent
/// updates are remembered and a repeat is ignored. Handling runs on the application's lifetime, not the request's,
/// so a dropped connection does not abandon an answer half-sent.
/// </summary>
internal sealed class WebhookUpdateReceiver(UpdateProcessor processor, BotIdentity identity, IHostApplicationLifetime lifetime, ILogger<WebhookUpdateReceiver> logger)
{
    private const int RememberedUpdates = 1024;
    private readonly Lock _lock = new();
    private readonly HashSet<int> _seen = [];
    private readonly Queue<int> _order = new();

    /// <summary>
    /// Handles a posted update unless it was seen before. Deliberately takes no request token: the work must not stop
    /// when Telegram gives up waiting, since the repeat it then sends is ignored.
    /// </summary>
    public async Task ReceiveAsync(Update update)
    {
        lock (_lock)
        {
            if (!_seen.Add(update.Id))
            {
                Log.WebhookDuplicate(logger, update.Id);
                return;
            }

            _order.Enqueue(update.Id);
            if (_order.Count > RememberedUpdates) _seen.Remove(_order.Dequeue());
        }

        var stopping = lifetime.ApplicationStopping;
        try
        {
            await identity.WaitAsync(TimeSpan.FromSeconds(10), stopping);
            await processor.ProcessAsync(update, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
