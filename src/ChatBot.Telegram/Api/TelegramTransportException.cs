using System.Net;

namespace ChatBot.Telegram.Api;

/// <summary>
/// The Bot API could not be reached or gave no valid answer: a network error, a timeout, or a non-JSON response
/// such as a proxy's 502. The message never holds the bot token.
/// </summary>
/// <param name="method">The Bot API method called.</param>
/// <param name="message">What went wrong, without the token.</param>
/// <param name="statusCode">The HTTP status, when a response came.</param>
/// <param name="innerException">The cause, unless its message would reveal the token.</param>
public sealed class TelegramTransportException(string method, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : Exception($"Telegram {method}: {message}", innerException)
{
    /// <summary>The Bot API method called.</summary>
    public string Method { get; } = method;

    /// <summary>The HTTP status of a response that was not a Bot API envelope, if there was one.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
