using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatBot.Storage.Qdrant;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Tests.Qdrant;

/// <summary>Retries, deadlines, error mapping and the API key, against the loopback fake (tiny retry delays).</summary>
public sealed class QdrantResilienceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    public async Task Transient_statuses_are_retried(StatusCode status)
    {
        await using var q = await FakeQdrant.StartAsync();
        q.Server.Fail(status, "Service temporarily unavailable", times: 2, when: r => r.Method == FakeQdrant.Exists);
        await q.CreateStore(o => o.MaxRetries = 2).InitializeAsync(Ct);
        Assert.Equal(2 + 2, q.Count(FakeQdrant.Exists)); // two failed attempts, then one per collection
    }

    [Fact]
    public async Task Invalid_argument_is_not_retried_and_names_the_operation_and_the_server_error()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore(o => o.MaxRetries = 3);
        await store.InitializeAsync(Ct);
        q.Server.Fail(StatusCode.InvalidArgument, "Wrong input: Vector dimension error: expected dim: 8, got 7", times: 5, when: r => r.Method == FakeQdrant.Query);

        var e = await Assert.ThrowsAsync<QdrantException>(() => store.SearchAsync(new ChunkSearchRequest { Text = "sanctions" }, Ct));
        Assert.Equal(1, q.Count(FakeQdrant.Query));
        Assert.Equal((StatusCode.InvalidArgument, "query points of test_chunks"), (e.StatusCode, e.Operation));
        Assert.Equal("Qdrant failed to query points of test_chunks (gRPC InvalidArgument): Wrong input: Vector dimension error: expected dim: 8, got 7", e.Message);
    }

    [Fact]
    public async Task Retries_are_bounded_and_an_unreachable_server_is_a_store_exception_naming_the_address_and_the_grpc_port()
    {
        await using var q = await FakeQdrant.StartAsync();
        q.Server.Fail(StatusCode.Unavailable, "no leader", times: 100, when: r => r.Method == FakeQdrant.Exists);
        var e = await Assert.ThrowsAsync<StoreException>(() => q.CreateStore(o => o.MaxRetries = 3).InitializeAsync(Ct));
        Assert.Equal(4, q.Count(FakeQdrant.Exists));
        Assert.Contains($"Qdrant at {q.Server.Url}/ is unreachable", e.Message, StringComparison.Ordinal);
        Assert.Contains("4 attempts", e.Message, StringComparison.Ordinal);
        Assert.Contains("the gRPC port, 6334 by default", e.Message, StringComparison.Ordinal);

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var nowhere = new QdrantTranscriptStore(new QdrantOptions { Host = "127.0.0.1", Port = closedPort, MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) });
        var down = await Assert.ThrowsAsync<StoreException>(() => nowhere.InitializeAsync(Ct));
        Assert.Contains($"Qdrant at http://127.0.0.1:{closedPort}/ is unreachable", down.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_meets_the_deadline_of_each_attempt()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore(o => { o.Timeout = TimeSpan.FromMilliseconds(500); o.MaxRetries = 1; });
        await q.CreateStore().InitializeAsync(Ct); // warm: the first call's set-up is no part of this test
        q.Server.Stall(TimeSpan.FromSeconds(30), times: 10, when: r => r.Method == FakeQdrant.Query);
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<StoreException>(() => store.SearchAsync(new ChunkSearchRequest { Text = "sanctions" }, Ct));
        Assert.Contains("did not answer 'query points of test_chunks' within 0.5 s (2 attempts)", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, q.Count(FakeQdrant.Query));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_store_error()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        q.Server.Stall(TimeSpan.FromSeconds(30), when: r => r.Method == FakeQdrant.Query);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SearchAsync(new ChunkSearchRequest { Text = "sanctions" }, cts.Token));
        Assert.Equal(1, q.Count(FakeQdrant.Query));
    }

    [Fact]
    public async Task The_api_key_is_sent_on_every_call_a_wrong_one_is_reported_without_repeating_it_and_never_logged()
    {
        const string key = "secret-key-9d41b7";
        await using var q = await FakeQdrant.StartAsync(requiredApiKey: key);
        var logs = new ListLoggerProvider();
        await using (var provider = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddQdrantTranscriptStore(o => { o.Url = q.Server.Url; o.ApiKey = key; o.VectorSize = 8; o.Collection = "registered"; })
            .BuildServiceProvider())
        {
            var store = provider.GetRequiredService<QdrantTranscriptStore>();
            Assert.Same(store, provider.GetRequiredService<ITranscriptStore>());
            await store.InitializeAsync(Ct);
            Assert.Empty(await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions" }, Ct));
            Assert.Equal($"qdrant: {q.Server.Url}/ (collections registered_chunks, registered_documents)", store.Description);
        }

        var wrong = "wrong-key-77aa";
        using var refused = new QdrantTranscriptStore(new QdrantOptions { Url = q.Server.Url, ApiKey = wrong, MaxRetries = 2 }, LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        var e = await Assert.ThrowsAsync<StoreException>(() => refused.InitializeAsync(Ct));
        Assert.Contains("Check ChatBot:Qdrant:ApiKey", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, e.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, l => l.Contains(key, StringComparison.Ordinal) || l.Contains(wrong, StringComparison.Ordinal));
        q.AssertNoViolations();
    }
}
