using ChatBot.Storage.Qdrant.Mapping;

namespace ChatBot.Storage.Qdrant.Http;

/// <summary>
/// One factory per REST endpoint the store uses: operation name, method, path and typed body. Writes carry
/// <c>wait=true</c> so they are applied (and visible to reads) when the call returns.
/// </summary>
internal static class QdrantEndpoints
{
    public static QdrantHttpRequest CollectionExists(string collection) =>
        QdrantHttpRequest.Create($"check whether collection {collection} exists", HttpMethod.Get, $"collections/{Escape(collection)}/exists");

    public static QdrantHttpRequest GetCollection(string collection) =>
        QdrantHttpRequest.Create($"read collection {collection}", HttpMethod.Get, $"collections/{Escape(collection)}");

    public static QdrantHttpRequest CreateCollection(string collection, CreateCollectionBody body) =>
        QdrantHttpRequest.Create($"create collection {collection}", HttpMethod.Put, $"collections/{Escape(collection)}", body, QdrantJsonContext.Default.CreateCollectionBody);

    public static QdrantHttpRequest DeleteCollection(string collection) =>
        QdrantHttpRequest.Create($"delete collection {collection}", HttpMethod.Delete, $"collections/{Escape(collection)}");

    public static QdrantHttpRequest CreateFieldIndex(string collection, CreateFieldIndexBody body) =>
        QdrantHttpRequest.Create($"create payload index {body.FieldName} on {collection}", HttpMethod.Put, $"collections/{Escape(collection)}/index?wait=true", body, QdrantJsonContext.Default.CreateFieldIndexBody);

    public static QdrantHttpRequest UpsertChunks(string collection, PointsListBody<ChunkPayload> body) =>
        QdrantHttpRequest.Create($"upsert {body.Points.Count} chunk points into {collection}", HttpMethod.Put, $"collections/{Escape(collection)}/points?wait=true", body, QdrantJsonContext.Default.PointsListBodyChunkPayload);

    public static QdrantHttpRequest UpsertDocument(string collection, PointsListBody<DocumentPayload> body) =>
        QdrantHttpRequest.Create($"upsert the document record into {collection}", HttpMethod.Put, $"collections/{Escape(collection)}/points?wait=true", body, QdrantJsonContext.Default.PointsListBodyDocumentPayload);

    public static QdrantHttpRequest DeleteByFilter(string collection, QdrantFilter filter, string what) =>
        QdrantHttpRequest.Create($"delete {what} from {collection}", HttpMethod.Post, $"collections/{Escape(collection)}/points/delete?wait=true", new FilterSelectorBody(filter), QdrantJsonContext.Default.FilterSelectorBody);

    public static QdrantHttpRequest DeleteByIds(string collection, IReadOnlyList<Guid> ids, string what) =>
        QdrantHttpRequest.Create($"delete {what} from {collection}", HttpMethod.Post, $"collections/{Escape(collection)}/points/delete?wait=true", new PointIdsListBody(ids), QdrantJsonContext.Default.PointIdsListBody);

    public static QdrantHttpRequest Retrieve(string collection, RetrievePointsBody body) =>
        QdrantHttpRequest.Create($"retrieve points from {collection}", HttpMethod.Post, $"collections/{Escape(collection)}/points", body, QdrantJsonContext.Default.RetrievePointsBody);

    public static QdrantHttpRequest Scroll(string collection, ScrollBody body) =>
        QdrantHttpRequest.Create($"scroll points of {collection}", HttpMethod.Post, $"collections/{Escape(collection)}/points/scroll", body, QdrantJsonContext.Default.ScrollBody);

    public static QdrantHttpRequest Count(string collection, CountBody body) =>
        QdrantHttpRequest.Create($"count points of {collection}", HttpMethod.Post, $"collections/{Escape(collection)}/points/count", body, QdrantJsonContext.Default.CountBody);

    public static QdrantHttpRequest Query(string collection, QueryBody body) =>
        QdrantHttpRequest.Create($"query points of {collection}", HttpMethod.Post, $"collections/{Escape(collection)}/points/query", body, QdrantJsonContext.Default.QueryBody);

    private static string Escape(string collection) => Uri.EscapeDataString(collection);
}
