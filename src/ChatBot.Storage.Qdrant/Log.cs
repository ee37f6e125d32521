using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Qdrant;

/// <summary>
/// Source-generated log messages. Event ids: 1000s collections, 2000s gRPC calls, 3000s points and documents.
/// Nothing here takes the API key or request headers.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Created Qdrant collection {Collection}")]
    public static partial void CollectionCreated(ILogger logger, string collection);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Qdrant collection {Collection} exists")]
    public static partial void CollectionExists(ILogger logger, string collection);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Qdrant collection {Collection} was created concurrently by another client")]
    public static partial void CollectionCreatedConcurrently(ILogger logger, string collection);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Created payload index {Field} ({Schema}) on Qdrant collection {Collection}")]
    public static partial void IndexCreated(ILogger logger, string collection, string field, string schema);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "The Qdrant API key is sent over plain http to {Host}; use https outside a trusted network")]
    public static partial void ApiKeyOverPlainHttp(ILogger logger, string host);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Qdrant is configured at {Address}, port 6333 is Qdrant's REST port; this store speaks gRPC, port 6334 by default")]
    public static partial void RestPortConfigured(ILogger logger, Uri address);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Qdrant {Operation}: done in {ElapsedMs:0} ms")]
    public static partial void RequestCompleted(ILogger logger, string operation, double elapsedMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Qdrant {Operation} failed ({Reason}); retry {Attempt} of {MaxRetries} in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, int maxRetries, string reason, double delayMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Qdrant {Operation} failed: gRPC {Status}: {Error}")]
    public static partial void RequestFailed(ILogger logger, string operation, string status, string error);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Stored document {DocumentId} version {Version}: {Chunks} chunks in {Batches} batches")]
    public static partial void DocumentStored(ILogger logger, string documentId, string version, int chunks, int batches);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Deleted document {DocumentId} (stored: {Existed})")]
    public static partial void DocumentDeleted(ILogger logger, string documentId, bool existed);
}
