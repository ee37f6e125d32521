using System.Net.Http;
using ChatBot.Telegram.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;

namespace ChatBot.Telegram.Api;

/// <summary>
/// <see cref="ITelegramBotApi"/> over the package's <see cref="TelegramBotClient"/>. The package's own 429 retry is
/// switched off (<c>RetryCount = 0</c>) so that one policy here covers 429s (waiting <c>retry_after</c>, when it is
/// within <see cref="TelegramOptions.MaxRetryAfter"/>), network errors and 5xx (exponential back-off), bounded by
/// <see cref="TelegramOptions.MaxRetries"/>. A request that may already have reached Telegram (<c>sendMessage</c>)
/// is repeated only when it surely did not (429, connection refused), so a user never gets the same answer twice.
/// </summary>
internal sealed class TelegramBotApi : ITelegramBotApi
{
    private readonly ITelegramBotClient _client;
    private readonly TelegramOptions _options;
    private readonly TokenRedactor _redactor;
    private readonly ILogger<TelegramBotApi> _logger;
    private readonly TimeProvider _time;

    public TelegramBotApi(HttpClient httpClient, IOptions<TelegramOptions> options, ILogger<TelegramBotApi> logger, TimeProvider? timeProvider = null)
    {
        _options = options.Value;
        var token = _options.Token ?? throw new InvalidOperationException($"{TelegramOptions.SectionName}:Token is not configured.");
        _redactor = new TokenRedactor(token);
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;

        // Timeouts are per request (below), so that a long poll may outlast an ordinary call.
        httpClient.Timeout = Timeout.InfiniteTimeSpan;
        var baseUrl = string.Equals(_options.ApiBaseUrl.TrimEnd('/'), TelegramOptions.DefaultApiBaseUrl, StringComparison.OrdinalIgnoreCase) ? null : _options.ApiBaseUrl;
        var clientOptions = new TelegramBotClientOptions(token, baseUrl) { RetryCount = 0 };
        _client = new TelegramBotClient(clientOptions, httpClient);
    }

    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new GetMeRequest(), idempotent: true, TimeSpan.Zero, cancellationToken);

    public Task<Update[]> GetUpdatesAsync(int? offset, TimeSpan timeout, IReadOnlyCollection<UpdateType> allowedUpdates, CancellationToken cancellationToken = default) =>
        SendAsync(
            new GetUpdatesRequest { Offset = offset, Limit = 100, Timeout = (int)timeout.TotalSeconds, AllowedUpdates = allowedUpdates },
            idempotent: true,
            timeout,
            cancellationToken);

    public Task<Message> SendHtmlAsync(long chatId, string html, int? replyToMessageId = null, int? messageThreadId = null, CancellationToken cancellationToken = default) =>
        SendAsync(
            new SendMessageRequest
            {
                ChatId = chatId,
                Text = html,
                ParseMode = ParseMode.Html,
                LinkPreviewOptions = new LinkPreviewOptions { IsDisabled = true },
                ReplyParameters = replyToMessageId is int id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null,
                MessageThreadId = messageThreadId,
            },
            idempotent: false,
            TimeSpan.Zero,
            cancellationToken);

    public Task<Message> SendPhotoAsync(long chatId, byte[] image, string fileName, string? captionHtml, int? replyToMessageId = null, int? messageThreadId = null, CancellationToken cancellationToken = default) =>
        SendAsync(
            new SendPhotoRequest
            {
                ChatId = chatId,
                Photo = InputFile.FromStream(new MemoryStream(image, writable: false), fileName),
                Caption = captionHtml,
                ParseMode = captionHtml is null ? default : ParseMode.Html,
                ReplyParameters = replyToMessageId is int id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null,
                MessageThreadId = messageThreadId,
            },
            idempotent: false,
            TimeSpan.Zero,
            cancellationToken);

    public Task SendTypingAsync(long chatId, int? messageThreadId = null, CancellationToken cancellationToken = default) =>
        SendAsync(new SendChatActionRequest { ChatId = chatId, Action = ChatAction.Typing, MessageThreadId = messageThreadId }, idempotent: true, TimeSpan.Zero, cancellationToken);

    public Task AnswerInlineQueryAsync(string inlineQueryId, IReadOnlyList<InlineQueryResult> results, InlineQueryResultsButton? button, int cacheTimeSeconds, bool isPersonal, CancellationToken cancellationToken = default) =>
        SendAsync(
            new AnswerInlineQueryRequest { InlineQueryId = inlineQueryId, Results = results, Button = button, CacheTime = cacheTimeSeconds, IsPersonal = isPersonal },
            idempotent: true,
            TimeSpan.Zero,
            cancellationToken);

    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync(new SetMyCommandsRequest { Commands = commands }, idempotent: true, TimeSpan.Zero, cancellationToken);

    public Task SetWebhookAsync(string url, string secretToken, IReadOnlyCollection<UpdateType> allowedUpdates, CancellationToken cancellationToken = default) =>
        SendAsync(new SetWebhookRequest { Url = url, SecretToken = secretToken, AllowedUpdates = allowedUpdates }, idempotent: true, TimeSpan.Zero, cancellationToken);

    public Task DeleteWebhookAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new DeleteWebhookRequest(), idempotent: true, TimeSpan.Zero, cancellationToken);

    /// <summary>The one send path: per-request timeout, typed errors, bounded retry.</summary>
    private async Task<T> SendAsync<T>(IRequest<T> request, bool idempotent, TimeSpan extraTimeout, CancellationToken cancellationToken)
    {
        string method = request.MethodName;
        for (int attempt = 0; ; attempt++)
        {
            Exception failure;
            bool retryable;
            TimeSpan delay;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_options.RequestTimeout + extraTimeout);
                if (request is SendPhotoRequest { Photo: InputFileStream { Content.CanSeek: true } upload }) upload.Content.Position = 0; // a retry uploads the whole file again
                try
                {
                    return await _client.SendRequest(request, timeout.Token);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException ex)
                {
                    failure = Transport(method, "the request timed out", null, ex);
                    retryable = idempotent;
                    delay = Backoff(attempt);
                }
                catch (ApiRequestException ex)
                {
                    var retryAfter = ex.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
                    failure = new TelegramApiException(method, ex.ErrorCode, _redactor.Redact(ex.Message), retryAfter, ex.Parameters?.MigrateToChatId);
                    if (ex.ErrorCode == 429)
                    {
                        // Telegram did not carry out a request it refused with 429, so any method may repeat it.
                        delay = retryAfter ?? Backoff(attempt);
                        retryable = delay <= _options.MaxRetryAfter;
                    }
                    else
                    {
                        retryable = idempotent && ex.ErrorCode >= 500;
                        delay = Backoff(attempt);
                    }
                }
                catch (RequestException ex)
                {
                    failure = Transport(method, _redactor.Redact(ex.Message), ex.HttpStatusCode, ex);
                    retryable = idempotent || SurelyNotSent(ex);
                    delay = Backoff(attempt);
                }
                catch (HttpRequestException ex)
                {
                    failure = Transport(method, _redactor.Redact(ex.Message), ex.StatusCode, ex);
                    retryable = idempotent || SurelyNotSent(ex);
                    delay = Backoff(attempt);
                }
            }

            if (!retryable || attempt >= _options.MaxRetries)
                throw failure;
            Log.RetryingRequest(_logger, method, attempt + 1, _options.MaxRetries, delay.TotalMilliseconds, failure.Message);
            await Task.Delay(delay, _time, cancellationToken);
        }
    }

    private TelegramTransportException Transport(string method, string message, System.Net.HttpStatusCode? status, Exception inner) =>
        new(method, message, status, _redactor.Leaks(inner) ? null : inner);

    /// <summary>Whether the failure happened before the request could reach the server (so repeating it is safe).</summary>
    private static bool SurelyNotSent(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError })
                return true;
        }

        return false;
    }

    private TimeSpan Backoff(int attempt)
    {
        double baseMs = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
        double jittered = baseMs * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, _options.RetryMaxDelay.TotalMilliseconds));
    }
}
