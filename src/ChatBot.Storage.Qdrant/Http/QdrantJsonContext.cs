using System.Text.Json.Serialization;
using ChatBot.Storage.Qdrant.Mapping;

namespace ChatBot.Storage.Qdrant.Http;

/// <summary>Source-generated serializers for every body and result the client exchanges; nulls are not written.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateCollectionBody))]
[JsonSerializable(typeof(CreateFieldIndexBody))]
[JsonSerializable(typeof(PointsListBody<ChunkPayload>))]
[JsonSerializable(typeof(PointsListBody<DocumentPayload>))]
[JsonSerializable(typeof(FilterSelectorBody))]
[JsonSerializable(typeof(PointIdsListBody))]
[JsonSerializable(typeof(RetrievePointsBody))]
[JsonSerializable(typeof(ScrollBody))]
[JsonSerializable(typeof(CountBody))]
[JsonSerializable(typeof(QueryBody))]
[JsonSerializable(typeof(float[]))]
[JsonSerializable(typeof(SparseVectorData))]
[JsonSerializable(typeof(QdrantResponse<bool>))]
[JsonSerializable(typeof(QdrantResponse<CollectionExistence>))]
[JsonSerializable(typeof(QdrantResponse<CollectionInfo>))]
[JsonSerializable(typeof(QdrantResponse<UpdateResult>))]
[JsonSerializable(typeof(QdrantResponse<List<RecordResult<DocumentPayload>>>))]
[JsonSerializable(typeof(QdrantResponse<ScrollResult<DocumentPayload>>))]
[JsonSerializable(typeof(QdrantResponse<CountResult>))]
[JsonSerializable(typeof(QdrantResponse<QueryResult<ChunkPayload>>))]
internal sealed partial class QdrantJsonContext : JsonSerializerContext;
