using System.Text.Json;
using ChatBot.Storage.Qdrant.Http;
using ChatBot.Storage.Qdrant.Mapping;
using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Qdrant;

/// <summary>
/// Creates the store's collections and payload indexes when missing, safe to repeat and to race: an existing
/// collection is checked (dense vector size and distance, sparse vector with the IDF modifier) rather than recreated,
/// and "already exists" from a concurrent creator counts as success. Missing payload indexes are added.
/// </summary>
internal sealed class CollectionInitializer(QdrantClient client, QdrantOptions options, ILogger logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var chunks = await EnsureCollectionAsync(options.ChunksCollection, ChunksCollectionBody(), cancellationToken);
        VerifyChunksLayout(chunks);
        var indexed = chunks.PayloadSchema?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (field, schema) in CollectionLayout.ChunkIndexes)
        {
            if (indexed.Contains(field)) continue;
            await client.SendAsync(QdrantEndpoints.CreateFieldIndex(options.ChunksCollection, new CreateFieldIndexBody(field, schema)),
                QdrantJsonContext.Default.QdrantResponseUpdateResult, cancellationToken);
            Log.IndexCreated(logger, options.ChunksCollection, field, schema);
        }

        await EnsureCollectionAsync(options.DocumentsCollection, DocumentsCollectionBody(), cancellationToken);
    }

    private CreateCollectionBody ChunksCollectionBody() => new()
    {
        Vectors = new() { [CollectionLayout.DenseVector] = new DenseVectorParams(options.VectorSize, CollectionLayout.Distance) },
        SparseVectors = new() { [CollectionLayout.SparseVector] = new SparseVectorParams(CollectionLayout.IdfModifier) },
        ShardNumber = options.ShardNumber,
        ReplicationFactor = options.ReplicationFactor,
        WriteConsistencyFactor = options.WriteConsistencyFactor,
    };

    /// <summary>Payload only (an empty vector map), kept on disk: it holds full texts.</summary>
    private CreateCollectionBody DocumentsCollectionBody() => new()
    {
        Vectors = [],
        ShardNumber = options.ShardNumber,
        ReplicationFactor = options.ReplicationFactor,
        WriteConsistencyFactor = options.WriteConsistencyFactor,
        OnDiskPayload = true,
    };

    private async Task<CollectionInfo> EnsureCollectionAsync(string name, CreateCollectionBody body, CancellationToken cancellationToken)
    {
        var existence = await client.SendAsync(QdrantEndpoints.CollectionExists(name), QdrantJsonContext.Default.QdrantResponseCollectionExistence, cancellationToken);
        if (existence.Exists)
        {
            Log.CollectionExists(logger, name);
        }
        else
        {
            try
            {
                await client.SendAsync(QdrantEndpoints.CreateCollection(name, body), QdrantJsonContext.Default.QdrantResponseBoolean, cancellationToken);
                Log.CollectionCreated(logger, name);
            }
            catch (QdrantException e) when (e.ServerError.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
                Log.CollectionCreatedConcurrently(logger, name);
            }
        }

        return await client.SendAsync(QdrantEndpoints.GetCollection(name), QdrantJsonContext.Default.QdrantResponseCollectionInfo, cancellationToken);
    }

    private void VerifyChunksLayout(CollectionInfo info)
    {
        var name = options.ChunksCollection;
        var parameters = info.Config?.Params;
        if (parameters?.Vectors is not { ValueKind: JsonValueKind.Object } vectors
            || !vectors.TryGetProperty(CollectionLayout.DenseVector, out var dense)
            || !dense.TryGetProperty("size", out var sizeElement)
            || !sizeElement.TryGetInt32(out int size))
        {
            throw new StoreException($"The Qdrant collection {name} exists but has no dense vector named '{CollectionLayout.DenseVector}': it was not created by this store. Set another QdrantOptions.Collection.");
        }

        if (size != options.VectorSize)
        {
            throw new StoreException($"The Qdrant collection {name} holds {size}-dimensional vectors; the embedder gives {options.VectorSize} (QdrantOptions.VectorSize). " +
                "Use another collection name for another model, or delete the collection and ingest again.");
        }

        if (dense.TryGetProperty("distance", out var distance) && distance.GetString() != CollectionLayout.Distance)
            throw new StoreException($"The Qdrant collection {name} compares vectors by {distance.GetString()}; this store needs {CollectionLayout.Distance}. Set another QdrantOptions.Collection.");

        if (parameters.SparseVectors?.GetValueOrDefault(CollectionLayout.SparseVector) is not { } sparse
            || !string.Equals(sparse.Modifier, CollectionLayout.IdfModifier, StringComparison.Ordinal))
        {
            throw new StoreException($"The Qdrant collection {name} has no sparse vector '{CollectionLayout.SparseVector}' with the '{CollectionLayout.IdfModifier}' modifier: it was not created by this store. Set another QdrantOptions.Collection.");
        }
    }
}
