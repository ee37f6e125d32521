using Grpc.Core;
using Qdrant.Client.Grpc;

namespace ChatBot.Storage.Tests.Fake;

/// <summary>The <c>qdrant.Collections</c> service of the fake (the calls the store makes), on stubs generated from Qdrant's protos.</summary>
internal sealed class FakeCollectionsService(FakeQdrantEngine engine) : Collections.CollectionsBase
{
    public override Task<CollectionExistsResponse> CollectionExists(CollectionExistsRequest request, ServerCallContext context) =>
        Task.FromResult(new CollectionExistsResponse { Result = new global::Qdrant.Client.Grpc.CollectionExists { Exists = engine.Exists(request.CollectionName) } });

    public override Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context)
    {
        engine.Create(request);
        return Task.FromResult(new CollectionOperationResponse { Result = true });
    }

    public override Task<GetCollectionInfoResponse> Get(GetCollectionInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new GetCollectionInfoResponse { Result = engine.Info(request.CollectionName) });

    public override Task<CollectionOperationResponse> Delete(DeleteCollection request, ServerCallContext context) =>
        Task.FromResult(new CollectionOperationResponse { Result = engine.Delete(request.CollectionName) });
}

/// <summary>The <c>qdrant.Points</c> service of the fake (the calls the store makes), on stubs generated from Qdrant's protos.</summary>
internal sealed class FakePointsService(FakeQdrantEngine engine) : Points.PointsBase
{
    public override Task<PointsOperationResponse> Upsert(UpsertPoints request, ServerCallContext context)
    {
        engine.Upsert(request);
        return Completed();
    }

    public override Task<PointsOperationResponse> Delete(DeletePoints request, ServerCallContext context)
    {
        engine.DeletePoints(request);
        return Completed();
    }

    public override Task<PointsOperationResponse> CreateFieldIndex(CreateFieldIndexCollection request, ServerCallContext context)
    {
        engine.CreateIndex(request);
        return Completed();
    }

    public override Task<GetResponse> Get(GetPoints request, ServerCallContext context) => Task.FromResult(engine.Get(request));

    public override Task<ScrollResponse> Scroll(ScrollPoints request, ServerCallContext context) => Task.FromResult(engine.Scroll(request));

    public override Task<CountResponse> Count(CountPoints request, ServerCallContext context) =>
        Task.FromResult(new CountResponse { Result = new CountResult { Count = engine.Count(request) } });

    public override Task<QueryResponse> Query(QueryPoints request, ServerCallContext context) =>
        Task.FromResult(new QueryResponse { Result = { engine.RunQuery(request) } });

    public override Task<QueryBatchResponse> QueryBatch(QueryBatchPoints request, ServerCallContext context)
    {
        var response = new QueryBatchResponse();
        foreach (var query in request.QueryPoints)
        {
            if (query.CollectionName != request.CollectionName)
                throw FakeQdrantServer.Invalid($"Wrong input: a batch for {request.CollectionName} holds a query of {query.CollectionName}");
            response.Result.Add(new BatchResult { Result = { engine.RunQuery(query) } });
        }

        return Task.FromResult(response);
    }

    private static Task<PointsOperationResponse> Completed() =>
        Task.FromResult(new PointsOperationResponse { Result = new UpdateResult { OperationId = 1, Status = UpdateStatus.Completed } });
}
