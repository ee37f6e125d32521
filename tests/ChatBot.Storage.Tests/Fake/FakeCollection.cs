using Qdrant.Client.Grpc;

namespace ChatBot.Storage.Tests.Fake;

/// <summary>A collection of the fake: its creation request, named vectors, payload indexes and points (by id text).</summary>
internal sealed class FakeCollection(CreateCollection create)
{
    public CreateCollection Create { get; } = create.Clone();

    public string Name => Create.CollectionName;

    public Dictionary<string, ulong> DenseSizes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Modifier> SparseModifiers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FieldType> PayloadIndexes { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, FakePoint> Points { get; } = new(StringComparer.Ordinal);
}

/// <summary>A stored point: dense vectors normalised on insert (as Qdrant does for cosine), sparse vectors as term maps.</summary>
internal sealed class FakePoint
{
    public required PointId Id { get; init; }

    public required string Key { get; init; }

    public Google.Protobuf.Collections.MapField<string, Value> Payload { get; init; } = [];

    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<uint, float>> Sparse { get; } = new(StringComparer.Ordinal);

    /// <summary>The payload as the selector asks (<c>null</c> selector means <paramref name="defaultAll"/>).</summary>
    public IEnumerable<KeyValuePair<string, Value>> Select(WithPayloadSelector? selector, bool defaultAll)
    {
        if (selector is null) return defaultAll ? Payload : [];
        return selector.SelectorOptionsCase switch
        {
            WithPayloadSelector.SelectorOptionsOneofCase.Enable => selector.Enable ? Payload : [],
            WithPayloadSelector.SelectorOptionsOneofCase.Include => Payload.Where(kv => selector.Include.Fields.Contains(kv.Key)),
            WithPayloadSelector.SelectorOptionsOneofCase.Exclude => Payload.Where(kv => !selector.Exclude.Fields.Contains(kv.Key)),
            _ => defaultAll ? Payload : [],
        };
    }

    public static string KeyOf(PointId id) => id.PointIdOptionsCase switch
    {
        PointId.PointIdOptionsOneofCase.Uuid when Guid.TryParse(id.Uuid, out var g) => g.ToString("D"),
        PointId.PointIdOptionsOneofCase.Num => id.Num.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw FakeQdrantServer.Invalid($"Wrong input: invalid point id {id}"),
    };
}
