using System.Text.Json;
using ChatBot.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ChatBot.Api;

/// <summary>
/// Turns exceptions that escape a handler into ProblemDetails with a message a client can act on: a malformed
/// body is a 400 naming the problem, an unusable store a 503; anything else a 500 without internals.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, "Malformed JSON body", json.Message),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            JsonException json => (400, "Malformed JSON body", json.Message),
            // The store's message names server files; it goes to the log, the client gets the gist.
            StoreException => (503, "Store unavailable", "The store cannot be used right now; the server log says why."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Request cancelled", "The client went away."),
            _ => (500, "Internal error", "The request could not be completed; the error is in the server log."),
        };
        if (status >= 500) LogFailure(logger, exception, httpContext.Request.Path);
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "Request to {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string path);
}
