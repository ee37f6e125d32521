using System.Globalization;
using ChatBot.Model;
using Qdrant.Client.Grpc;

namespace ChatBot.Storage.Qdrant.Mapping;

/// <summary>Converts between the model and point payloads; a payload missing a required field is reported, not guessed.</summary>
internal static class PayloadMapper
{
    public static ChunkPayload ToPayload(TranscriptDocument document, Chunk chunk, string writeId) => new()
    {
        DocumentId = chunk.DocumentId,
        Version = chunk.DocumentVersion,
        WriteId = writeId,
        Ordinal = chunk.Ordinal,
        TurnIndex = chunk.TurnIndex,
        Start = chunk.Start,
        End = chunk.End,
        Text = chunk.Text,
        Speaker = chunk.Speaker,
        Role = chunk.Role,
        Post = chunk.Post,
        Question = chunk.Question,
        DateFrom = PayloadDates.ToDateTime(document.DateFrom),
        DateTo = PayloadDates.ToDateTime(document.DateTo),
        Title = document.Title,
        Date = PayloadDates.ToDate(document.Date),
        Year = document.Year,
        Place = document.Place,
        Url = document.Url,
        Source = document.Source,
        Format = document.Format,
    };

    public static DocumentPayload ToPayload(TranscriptDocument document, IReadOnlyList<IndexedChunk> chunks, string signature, string writeId, DateTimeOffset ingestedAt) => new()
    {
        DocumentId = document.Id,
        Version = document.ContentHash,
        Signature = signature,
        WriteId = writeId,
        Title = document.Title,
        Date = PayloadDates.ToDate(document.Date),
        Year = document.Year,
        DateFrom = PayloadDates.ToDateTime(document.DateFrom),
        DateTo = PayloadDates.ToDateTime(document.DateTo),
        Place = document.Place,
        Url = document.Url,
        Source = document.Source,
        Format = document.Format,
        Text = document.Text,
        TextOffset = document.TextOffset,
        Turns = document.Turns.Select(t => new TurnPayload(t.Index, t.Speaker, t.Label, t.Role, t.Start, t.End, t.Post)).ToList(),
        TurnCount = document.Turns.Count,
        ChunkCount = chunks.Count,
        VectorCount = chunks.Count(c => c.Vector is not null),
        Speakers = chunks
            .GroupBy(c => (c.Chunk.Speaker, c.Chunk.Role))
            .Select(g => new SpeakerPayload(g.Key.Speaker, g.Key.Role, g.Count(),
                g.Select(c => c.Chunk.Post).OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList(),
        IngestedAt = ingestedAt.ToString("O", CultureInfo.InvariantCulture),
    };

    public static Chunk ToChunk(PointId id, ChunkPayload? p, string collection)
    {
        var pointId = ToGuid(id, collection);
        if (p is null) throw Missing(collection, pointId, "payload");
        return new Chunk
        {
            Id = pointId,
            DocumentId = p.DocumentId ?? throw Missing(collection, pointId, "document_id"),
            DocumentVersion = p.Version ?? throw Missing(collection, pointId, "version"),
            Ordinal = p.Ordinal,
            TurnIndex = p.TurnIndex,
            Start = p.Start,
            End = p.End,
            Text = p.Text ?? throw Missing(collection, pointId, "text"),
            Speaker = p.Speaker ?? throw Missing(collection, pointId, "speaker"),
            Role = p.Role,
            Post = p.Post,
            Question = p.Question,
        };
    }

    public static DocumentInfo ToDocumentInfo(ChunkPayload p, Guid pointId, string collection) => new()
    {
        Id = p.DocumentId ?? throw Missing(collection, pointId, "document_id"),
        Title = p.Title ?? throw Missing(collection, pointId, "title"),
        Date = PayloadDates.FromDate(p.Date),
        Year = p.Year,
        Place = p.Place,
        Url = p.Url,
        Source = p.Source ?? throw Missing(collection, pointId, "source"),
        Format = p.Format ?? throw Missing(collection, pointId, "format"),
    };

    public static TranscriptDocument ToDocument(DocumentPayload p, Guid pointId, string collection) => new()
    {
        Id = p.DocumentId ?? throw Missing(collection, pointId, "document_id"),
        Title = p.Title ?? throw Missing(collection, pointId, "title"),
        Date = PayloadDates.FromDate(p.Date),
        Year = p.Year,
        Place = p.Place,
        Url = p.Url,
        Source = p.Source ?? throw Missing(collection, pointId, "source"),
        Format = p.Format ?? throw Missing(collection, pointId, "format"),
        Text = p.Text ?? throw Missing(collection, pointId, "text"),
        TextOffset = p.TextOffset,
        ContentHash = p.Version ?? throw Missing(collection, pointId, "version"),
        Turns = (p.Turns ?? throw Missing(collection, pointId, "turns"))
            .Select(t => new Turn(t.Index, t.Speaker, t.Label, t.Role, t.Start, t.End, t.Post))
            .ToList(),
    };

    public static DocumentSummary ToSummary(DocumentPayload p, Guid pointId, string collection) => new()
    {
        Id = p.DocumentId ?? throw Missing(collection, pointId, "document_id"),
        Title = p.Title ?? throw Missing(collection, pointId, "title"),
        Date = PayloadDates.FromDate(p.Date),
        Year = p.Year,
        Place = p.Place,
        Url = p.Url,
        Source = p.Source ?? throw Missing(collection, pointId, "source"),
        Format = p.Format ?? throw Missing(collection, pointId, "format"),
        TurnCount = p.TurnCount,
        ChunkCount = p.ChunkCount,
        IngestedAt = p.IngestedAt is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : default,
    };

    /// <summary>A point id as a GUID; the store only writes UUID ids.</summary>
    public static Guid ToGuid(PointId id, string collection) =>
        id.PointIdOptionsCase == PointId.PointIdOptionsOneofCase.Uuid && Guid.TryParse(id.Uuid, out var guid)
            ? guid
            : throw new StoreException($"The Qdrant collection {collection} holds a point with id {id}, which this store did not write (it writes UUID ids only). Use a collection of its own.");

    private static StoreException Missing(string collection, Guid pointId, string field) =>
        new($"Point {pointId} in the Qdrant collection {collection} has no '{field}' in its payload: the collection was not written by this store, or by an incompatible version. Use a new collection name or delete it and ingest again.");
}
