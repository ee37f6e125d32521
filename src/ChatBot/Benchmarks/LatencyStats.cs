using System.Text.Json.Serialization;

namespace ChatBot.Benchmarks;

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record LatencyStats(
    [property: JsonPropertyName("p50_ms")] double P50Ms,
    [property: JsonPropertyName("p95_ms")] double P95Ms,
    [property: JsonPropertyName("p99_ms")] double P99Ms,
    [property: JsonPropertyName("mean_ms")] double MeanMs,
    [property: JsonPropertyName("requests")] int Requests,
    [property: JsonPropertyName("requests_per_second")] double RequestsPerSecond)
{
    /// <summary>Percentiles of <paramref name="samples"/> (milliseconds) taken over <paramref name="wallSeconds"/>.</summary>
    public static LatencyStats From(IReadOnlyCollection<double> samples, double wallSeconds)
    {
        var sorted = samples.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)], 2);
        return new LatencyStats(P(0.50), P(0.95), P(0.99), sorted.Length == 0 ? 0 : Math.Round(sorted.Average(), 2), sorted.Length,
            wallSeconds <= 0 ? 0 : Math.Round(sorted.Length / wallSeconds, 1));
    }
}
