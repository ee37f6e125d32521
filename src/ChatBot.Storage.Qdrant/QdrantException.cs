namespace ChatBot.Storage.Qdrant;

/// <summary>
/// Qdrant answered a request with an error (its <c>{"status": {"error": "..."}}</c> envelope, or a bare HTTP error).
/// It is a <see cref="StoreException"/>, so every front end reports it as a store failure with this message.
/// </summary>
public sealed class QdrantException : StoreException
{
    /// <summary>Creates the exception for a failed operation.</summary>
    /// <param name="operation">What the store was doing ("upsert points into chatbot_chunks").</param>
    /// <param name="statusCode">The HTTP status code of the answer.</param>
    /// <param name="serverError">The server's error text, or the body when it had no error envelope.</param>
    public QdrantException(string operation, int statusCode, string serverError)
        : base($"Qdrant failed to {operation} (HTTP {statusCode}): {serverError}", null)
    {
        Operation = operation;
        StatusCode = statusCode;
        ServerError = serverError;
    }

    /// <summary>What the store was doing.</summary>
    public string Operation { get; }

    /// <summary>HTTP status code of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>The server's error text.</summary>
    public string ServerError { get; }
}
