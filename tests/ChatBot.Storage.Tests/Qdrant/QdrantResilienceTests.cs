using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatBot.Storage.Qdrant;

namespace ChatBot.Storage.Tests.Qdrant;

/// <summary>Retries, timeouts and error mapping, against the loopback fake server (tiny retry delays).</summary>
public sealed class QdrantResilienceTests
{
    private const string Exists = "/collections/test_chunks/exists";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Transient_statuses_are_retried(int status)
    {
        await using var q = await FakeQdrant.StartAsync();
        q.Server.Fail(status, """{"status": {"error": "Service temporarily unavailable"}, "time": 0.0}""", times: 2, when: r => r.Path == Exists);
        await q.CreateStore(o => o.MaxRetries = 2).InitializeAsync(Ct);
        Assert.Equal(3, q.Requests(Exists).Count);
    }

    [Fact]
    public async Task A_retry_after_of_zero_is_honoured_without_waiting()
    {
        await using var q = await FakeQdrant.StartAsync();
        q.Server.Fail(429, """{"status": {"error": "Too many requests"}, "time": 0.0}""", when: r => r.Path == Exists, retryAfter: TimeSpan.Zero);
        var watch = Stopwatch.StartNew();
        await q.CreateStore().InitializeAsync(Ct);
        Assert.Equal(2, q.Requests(Exists).Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Client_errors_are_not_retried_and_name_the_operation_and_the_server_error()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        q.Server.Fail(400, """{"status": {"error": "Wrong input: Vector dimension error: expected dim: 8, got 7"}, "time": 0.0}""", times: 5, when: r => r.Path.EndsWith("/query", StringComparison.Ordinal));

        var e = await Assert.ThrowsAsync<QdrantException>(() => store.SearchAsync(new ChunkSearchRequest { Text = "sanctions" }, Ct));
        Assert.Single(q.Requests("/points/query"));
        Assert.Equal(400, e.StatusCode);
        Assert.Equal("query points of test_chunks", e.Operation);
        Assert.Equal("Wrong input: Vector dimension error: expected dim: 8, got 7", e.ServerError);
        Assert.Equal("Qdrant failed to query points of test_chunks (HTTP 400): Wrong input: Vector dimension error: expected dim: 8, got 7", e.Message);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_server_error_is_reported()
    {
        await using var q = await FakeQdrant.StartAsync();
        q.Server.Fail(500, """{"status": {"error": "Service internal error: disk full"}, "time": 0.0}""", times: 100, when: r => r.Path == Exists);
        var e = await Assert.ThrowsAsync<QdrantException>(() => q.CreateStore(o => o.MaxRetries = 3).InitializeAsync(Ct));
        Assert.Equal(4, q.Requests(Exists).Count);
        Assert.Equal((500, "Service internal error: disk full"), (e.StatusCode, e.ServerError));
        Assert.Contains("check whether collection test_chunks exists", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_body_that_is_not_qdrants_envelope_is_reported_as_text()
    {
        await using var q = await FakeQdrant.StartAsync();
        q.Server.Fail(502, "<html><body>502 Bad Gateway</body></html>", times: 100);
        var e = await Assert.ThrowsAsync<QdrantException>(() => q.CreateStore(o => o.MaxRetries = 0).InitializeAsync(Ct));
        Assert.Contains("502 Bad Gateway", e.ServerError, StringComparison.Ordinal);
        Assert.Single(q.Requests());
    }

    [Fact]
    public async Task An_unreachable_server_is_a_store_exception_that_names_the_url()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();
        using var store = new QdrantTranscriptStore(http, new QdrantOptions { Url = $"http://127.0.0.1:{port}", VectorSize = 8, MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) });

        var e = await Assert.ThrowsAsync<StoreException>(() => store.InitializeAsync(Ct));
        Assert.Contains($"Qdrant at http://127.0.0.1:{port}/ is unreachable", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 attempts", e.Message, StringComparison.Ordinal);
        Assert.Contains("QdrantOptions.Url", e.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_times_out_per_attempt()
    {
        await using var q = await FakeQdrant.StartAsync();
        q.Server.Hang(times: 100);
        var store = q.CreateStore(o => { o.Timeout = TimeSpan.FromMilliseconds(150); o.MaxRetries = 1; });
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<StoreException>(() => store.InitializeAsync(Ct));
        Assert.Contains("did not answer 'check whether collection test_chunks exists' within 0.15 s (2 attempts)", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, q.Requests().Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_store_error()
    {
        await using var q = await FakeQdrant.StartAsync();
        q.Server.Hang(times: 100);
        var store = q.CreateStore();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var initializing = store.InitializeAsync(cts.Token);
        // Cancel once the first request is hanging at the server (not after a fixed delay, which a loaded machine can outlast).
        while (q.Requests().Count == 0 && !initializing.IsCompleted) await Task.Delay(10, Ct);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => initializing);
        Assert.Single(q.Requests());
    }

    [Fact]
    public async Task The_api_key_is_sent_on_every_request()
    {
        const string key = "test-key-1f0c";
        await using var q = await FakeQdrant.StartAsync(requiredApiKey: key);
        var store = q.CreateStore(o => o.ApiKey = key);
        await store.InitializeAsync(Ct);
        await store.UpsertDocumentAsync(Conformance.ConformanceCorpus.DaNang.Document, Conformance.ConformanceCorpus.DaNang.Chunks, "sig", Ct);
        await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Vector = Conformance.ConformanceCorpus.Axis(0) }, Ct);
        await store.GetStatisticsAsync(Ct);
        Assert.All(q.Requests(), r => Assert.Equal(key, r.ApiKey));
    }

    [Fact]
    public async Task No_api_key_header_is_sent_without_a_key()
    {
        await using var q = await FakeQdrant.StartAsync();
        await q.CreateStore().InitializeAsync(Ct);
        Assert.All(q.Requests(), r => Assert.Null(r.ApiKey));
    }

    [Fact]
    public async Task A_refused_key_is_a_store_exception_that_does_not_repeat_the_key()
    {
        const string wrong = "wrong-key-77aa";
        await using var q = await FakeQdrant.StartAsync(requiredApiKey: "right-key");
        var e = await Assert.ThrowsAsync<StoreException>(() => q.CreateStore(o => o.ApiKey = wrong).InitializeAsync(Ct));
        Assert.Contains("HTTP 401", e.Message, StringComparison.Ordinal);
        Assert.Contains("QdrantOptions.ApiKey", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, e.ToString(), StringComparison.Ordinal);
        Assert.Single(q.Requests());
    }
}
