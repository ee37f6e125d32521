using System.Text.Json.Serialization;

namespace ChatBot.Benchmarks;

/// <summary>What <c>bench</c> measured (written as bench.json).</summary>
public sealed record BenchReport
{
    [JsonPropertyName("machine")] public required BenchMachine Machine { get; init; }
    [JsonPropertyName("corpus")] public required IReadOnlyList<string> Corpus { get; init; }
    [JsonPropertyName("store")] public required string Store { get; init; }
    [JsonPropertyName("encoder")] public required string Encoder { get; init; }
    [JsonPropertyName("ingest")] public BenchIngest? Ingest { get; init; }
    [JsonPropertyName("documents")] public int Documents { get; init; }
    [JsonPropertyName("chunks")] public int Chunks { get; init; }
    [JsonPropertyName("index_bytes")] public long? IndexBytes { get; init; }
    [JsonPropertyName("peak_memory_bytes")] public long PeakMemoryBytes { get; init; }
    [JsonPropertyName("cold_start_ms")] public double? ColdStartMs { get; init; }
    [JsonPropertyName("search")] public required BenchLatencies Search { get; init; }
    [JsonPropertyName("ask")] public required BenchLatencies Ask { get; init; }
    [JsonPropertyName("http_clients")] public int HttpClients { get; init; }

    /// <summary>Share of the exact top-50 vector ranking the store's vector index returns (1 for an exact scan).</summary>
    [JsonPropertyName("vector_recall_at_50")] public double? VectorRecallAt50 { get; init; }
    [JsonPropertyName("encoder_benchmark")] public BenchEncoder? EncoderBenchmark { get; init; }

    /// <summary>The configured embedder as search and ingest use it.</summary>
    [JsonPropertyName("embedder")] public BenchEmbedder? Embedder { get; init; }
}

/// <summary>The configured embedder (all its models) as used: passages of about 80 words per second, and query latency.</summary>
public sealed record BenchEmbedder(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("dimensions")] int? Dimensions,
    [property: JsonPropertyName("passages_per_second")] double PassagesPerSecond,
    [property: JsonPropertyName("query_p50_ms")] double QueryP50Ms,
    [property: JsonPropertyName("query_p95_ms")] double QueryP95Ms);

/// <summary>Universal Sentence Encoder lite on its own: ~100-token passages per second and short-query latency.</summary>
public sealed record BenchEncoder(
    [property: JsonPropertyName("passages_per_second")] double PassagesPerSecond,
    [property: JsonPropertyName("tokens_per_passage")] double TokensPerPassage,
    [property: JsonPropertyName("query_p50_ms")] double QueryP50Ms,
    [property: JsonPropertyName("query_p95_ms")] double QueryP95Ms,
    [property: JsonPropertyName("load_ms")] double LoadMs,
    [property: JsonPropertyName("kernel")] string Kernel,
    [property: JsonPropertyName("cores_used")] double CoresUsed);

/// <summary>Where the figures were taken.</summary>
public sealed record BenchMachine(
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("date")] string Date);

/// <summary>Ingest throughput.</summary>
public sealed record BenchIngest(
    [property: JsonPropertyName("documents")] int Documents,
    [property: JsonPropertyName("chunks")] int Chunks,
    [property: JsonPropertyName("skipped")] int Skipped,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("documents_per_second")] double DocumentsPerSecond,
    [property: JsonPropertyName("chunks_per_second")] double ChunksPerSecond);

/// <summary>Latencies in process and over HTTP on loopback.</summary>
public sealed record BenchLatencies(
    [property: JsonPropertyName("in_process")] LatencyStats InProcess,
    [property: JsonPropertyName("http")] LatencyStats? Http)
{
    /// <summary>Over HTTP with one client at a time: the latency a request sees without queueing.</summary>
    [JsonPropertyName("http_one_client")] public LatencyStats? HttpOneClient { get; init; }
}
