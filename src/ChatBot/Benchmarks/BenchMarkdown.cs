using System.Globalization;
using System.Text;

namespace ChatBot.Benchmarks;

/// <summary>The benchmark report as Markdown (bench.md).</summary>
public static class BenchMarkdown
{
    /// <summary>Renders the report.</summary>
    public static string Render(BenchReport r)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Benchmark").AppendLine();
        sb.AppendLine(c, $"- Machine: {r.Machine.Cores} cores, {r.Machine.Os}, {r.Machine.Runtime}, {r.Machine.Date}");
        sb.AppendLine(c, $"- Corpus: {(r.Corpus.Count <= 4 ? string.Join(", ", r.Corpus) : $"{string.Join(", ", r.Corpus.Take(3))} and {r.Corpus.Count - 3} more")}");
        sb.AppendLine(c, $"- Store: {r.Store}; encoder: {r.Encoder}").AppendLine();
        sb.AppendLine("| measure | value |").AppendLine("|---|---|");
        sb.AppendLine(c, $"| store | {r.Documents:N0} documents, {r.Chunks:N0} chunks |");
        if (r.Ingest is { } i)
        {
            sb.AppendLine(c, $"| ingest | {i.Documents:N0} documents, {i.Chunks:N0} chunks in {i.Seconds:F1} s ({i.Skipped} files skipped) |");
            sb.AppendLine(c, $"| ingest throughput (embedding included) | {i.DocumentsPerSecond:F1} documents/s, {i.ChunksPerSecond:F1} chunks/s |");
        }
        sb.AppendLine(c, $"| index size on disk | {(r.IndexBytes is long b ? $"{b / 1048576.0:F1} MB" : "n/a")} |");
        sb.AppendLine(c, $"| peak memory (working set) | {r.PeakMemoryBytes / 1048576.0:F0} MB |");
        sb.AppendLine(c, $"| cold start to first answer | {(r.ColdStartMs is double ms ? $"{ms:F0} ms" : "n/a")} |");
        if (r.VectorRecallAt50 is double recall) sb.AppendLine(c, $"| vector index recall@50 against an exact scan | {recall:F3} |");
        sb.AppendLine();
        sb.AppendLine(c, $"| latency (ms) | p50 | p95 | p99 | requests/s |").AppendLine("|---|---|---|---|---|");
        void Row(string name, LatencyStats? s)
        {
            if (s is null) return;
            sb.AppendLine(c, $"| {name} | {s.P50Ms:F1} | {s.P95Ms:F1} | {s.P99Ms:F1} | {s.RequestsPerSecond:F1} |");
        }

        Row("search, in process", r.Search.InProcess);
        Row("search, HTTP (1 client)", r.Search.HttpOneClient);
        Row($"search, HTTP ({r.HttpClients} clients)", r.Search.Http);
        Row("ask, in process", r.Ask.InProcess);
        Row("ask, HTTP (1 client)", r.Ask.HttpOneClient);
        Row($"ask, HTTP ({r.HttpClients} clients)", r.Ask.Http);
        if (r.EncoderBenchmark is { } e)
        {
            sb.AppendLine().AppendLine(c, $"Universal Sentence Encoder lite alone ({e.Kernel} kernel, {e.CoresUsed:F2} cores used): {e.PassagesPerSecond:F1} passages/s of {e.TokensPerPassage:F0} tokens; "
                + $"short query p50 {e.QueryP50Ms:F2} ms, p95 {e.QueryP95Ms:F2} ms; load {e.LoadMs:F0} ms.");
        }

        if (r.Embedder is { } m)
        {
            sb.AppendLine().AppendLine(c, $"Embedder as configured ({m.Model}, {m.Dimensions} dimensions): {m.PassagesPerSecond:F1} passages/s of about 80 words; "
                + $"query p50 {m.QueryP50Ms:F2} ms, p95 {m.QueryP95Ms:F2} ms.");
        }

        return sb.ToString();
    }
}
