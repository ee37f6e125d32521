using ChatBot.Telegram.Diagnostics;
using ChatBot.Telegram.Handling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace ChatBot.Telegram.Hosting;

/// <summary>
/// Runs one update through a fresh DI scope's <see cref="TelegramUpdateHandler"/>. A failure is logged and swallowed,
/// so one bad update never stops polling or fails a webhook call; only cancellation propagates.
/// </summary>
internal sealed class UpdateProcessor(IServiceScopeFactory scopes, ILogger<UpdateProcessor> logger)
{
    public async Task ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<TelegramUpdateHandler>();
            await handler.HandleAsync(update, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Log.UpdateFailed(logger, ex, update.Id, update.Type);
        }
    }
}
