using ChatBot.Storage.Qdrant.Mapping;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;

namespace ChatBot.Storage.Qdrant;

/// <summary>
/// Creates the store's collections and payload indexes when missing, safe to repeat and to race: an existing
/// collection is checked (dense vector size and distance, sparse vector with the IDF modifier) rather than recreated,
/// and "already exists" from a concurrent creator counts as success. Missing payload indexes are added. Shards,
/// replicas and write consistency come from the options when a collection is created.
/// </summary>
internal sealed class CollectionInitializer(QdrantConnection connection, QdrantOptions options, ILogger logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var chunks = await EnsureCollectionAsync(ChunksCollection(), cancellationToken);
        VerifyChunksLayout(chunks);
        foreach (var (field, schema) in CollectionLayout.ChunkIndexes)
        {
            if (chunks.PayloadSchema.ContainsKey(field)) continue;
            await connection.CallAsync($"create payload index {field} on {options.ChunksCollection}",
                (client, ct) => client.CreatePayloadIndexAsync(options.ChunksCollection, field, schema, wait: true, cancellationToken: ct), cancellationToken);
            Log.IndexCreated(logger, options.ChunksCollection, field, schema.ToString());
        }

        await EnsureCollectionAsync(DocumentsCollection(), cancellationToken);
    }

    private CreateCollection ChunksCollection()
    {
        var create = Layout(options.ChunksCollection);
        create.VectorsConfig = new VectorsConfig
        {
            ParamsMap = new VectorParamsMap { Map = { [CollectionLayout.DenseVector] = new VectorParams { Size = (ulong)options.VectorSize, Distance = Distance.Cosine } } },
        };
        create.SparseVectorsConfig = new SparseVectorConfig { Map = { [CollectionLayout.SparseVector] = new SparseVectorParams { Modifier = Modifier.Idf } } };
        return create;
    }

    /// <summary>Payload only (an empty vector map).</summary>
    private CreateCollection DocumentsCollection()
    {
        var create = Layout(options.DocumentsCollection);
        create.VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap() };
        return create;
    }

    private CreateCollection Layout(string name)
    {
        var create = new CreateCollection { CollectionName = name };
        if (options.ShardNumber is { } shards) create.ShardNumber = (uint)shards;
        if (options.ReplicationFactor is { } replicas) create.ReplicationFactor = (uint)replicas;
        if (options.WriteConsistencyFactor is { } consistency) create.WriteConsistencyFactor = (uint)consistency;
        return create;
    }

    private async Task<CollectionInfo> EnsureCollectionAsync(CreateCollection create, CancellationToken cancellationToken)
    {
        var name = create.CollectionName;
        if (await connection.CallAsync($"check whether collection {name} exists", (client, ct) => client.CollectionExistsAsync(name, ct), cancellationToken))
        {
            Log.CollectionExists(logger, name);
        }
        else
        {
            try
            {
                await connection.CallAsync($"create collection {name}", (client, ct) => client.CreateCollectionAsync(create, ct), cancellationToken);
                Log.CollectionCreated(logger, name);
            }
            catch (QdrantException e) when (e.ServerError.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
                Log.CollectionCreatedConcurrently(logger, name);
            }
        }

        return await connection.CallAsync($"read collection {name}", (client, ct) => client.GetCollectionInfoAsync(name, ct), cancellationToken);
    }

    private void VerifyChunksLayout(CollectionInfo info)
    {
        var name = options.ChunksCollection;
        var parameters = info.Config?.Params;
        if (parameters?.VectorsConfig?.ParamsMap?.Map is not { } vectors || !vectors.TryGetValue(CollectionLayout.DenseVector, out var dense))
            throw new StoreException($"The Qdrant collection {name} exists but has no dense vector named '{CollectionLayout.DenseVector}': it was not created by this store. Set another ChatBot:Qdrant:Collection.");

        if (dense.Size != (ulong)options.VectorSize)
        {
            throw new StoreException($"The Qdrant collection {name} holds {dense.Size}-dimensional vectors; the embedder gives {options.VectorSize} (QdrantOptions.VectorSize). " +
                "Use another collection name for another model, or delete the collection and ingest again.");
        }

        if (dense.Distance != Distance.Cosine)
            throw new StoreException($"The Qdrant collection {name} compares vectors by {dense.Distance}; this store needs {Distance.Cosine}. Set another ChatBot:Qdrant:Collection.");

        if (parameters.SparseVectorsConfig?.Map is not { } sparse
            || !sparse.TryGetValue(CollectionLayout.SparseVector, out var bm25)
            || !bm25.HasModifier || bm25.Modifier != Modifier.Idf)
        {
            throw new StoreException($"The Qdrant collection {name} has no sparse vector '{CollectionLayout.SparseVector}' with the IDF modifier: it was not created by this store. Set another ChatBot:Qdrant:Collection.");
        }
    }
}
