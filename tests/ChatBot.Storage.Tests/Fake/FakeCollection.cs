using System.Text.Json.Nodes;

namespace ChatBot.Storage.Tests.Fake;

/// <summary>A collection held by the fake: its vector configuration, payload indexes and points (ordered by id).</summary>
internal sealed class FakeCollection
{
    public required string Name { get; init; }

    public Dictionary<string, int> DenseSizes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> SparseModifiers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> PayloadIndexes { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, FakePoint> Points { get; } = new(StringComparer.Ordinal);

    public required JsonObject CreateBody { get; init; }
}
