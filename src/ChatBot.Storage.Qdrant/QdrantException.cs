using Grpc.Core;

namespace ChatBot.Storage.Qdrant;

/// <summary>
/// Qdrant refused a request (a gRPC status other than OK, after any retries). It is a <see cref="StoreException"/>,
/// so every front end reports it as a store failure with this message.
/// </summary>
public sealed class QdrantException : StoreException
{
    /// <summary>Creates the exception for a failed operation.</summary>
    /// <param name="operation">What the store was doing ("query points of chatbot_chunks").</param>
    /// <param name="statusCode">The gRPC status of the answer.</param>
    /// <param name="serverError">The server's status detail.</param>
    /// <param name="inner">The client's exception.</param>
    public QdrantException(string operation, StatusCode statusCode, string serverError, Exception? inner = null)
        : base($"Qdrant failed to {operation} (gRPC {statusCode}): {serverError}", inner)
    {
        Operation = operation;
        StatusCode = statusCode;
        ServerError = serverError;
    }

    /// <summary>What the store was doing.</summary>
    public string Operation { get; }

    /// <summary>gRPC status of the answer.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>The server's error text.</summary>
    public string ServerError { get; }
}
