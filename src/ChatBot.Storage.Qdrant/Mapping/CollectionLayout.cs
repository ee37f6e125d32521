using Qdrant.Client.Grpc;

namespace ChatBot.Storage.Qdrant.Mapping;

/// <summary>
/// Names and indexes of the two collections. Chunks: a named dense vector (cosine) and a named sparse vector with
/// the IDF modifier, payload indexes for every filtered field. Documents: payload only (no vectors), one point per
/// document with its full text and turns.
/// </summary>
internal static class CollectionLayout
{
    public const string DenseVector = "dense";
    public const string SparseVector = "bm25";

    public const string DocumentId = "document_id";
    public const string WriteId = "write_id";
    public const string Speaker = "speaker";
    public const string Role = "role";
    public const string Source = "source";
    public const string DateFrom = "date_from";
    public const string DateTo = "date_to";

    /// <summary>Payload indexes of the chunks collection: field name and index type.</summary>
    public static readonly IReadOnlyList<(string Field, PayloadSchemaType Schema)> ChunkIndexes =
    [
        (DocumentId, PayloadSchemaType.Keyword),
        // The replacement of a document deletes by (document_id, not write_id): indexed, so the delete needs no scan
        // and passes a server whose strict mode refuses unindexed filters.
        (WriteId, PayloadSchemaType.Keyword),
        (Speaker, PayloadSchemaType.Keyword),
        (Role, PayloadSchemaType.Keyword),
        (Source, PayloadSchemaType.Keyword),
        (DateFrom, PayloadSchemaType.Datetime),
        (DateTo, PayloadSchemaType.Datetime),
    ];

    /// <summary>The point id of a document record: a GUID from the SHA-256 of the document id.</summary>
    public static Guid DocumentPointId(string documentId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("document\n" + documentId));
        return new Guid(hash.AsSpan(0, 16));
    }
}
