using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace ChatBot.Cli;

/// <summary>
/// <c>loadtest --url URL [--key KEY]... [--clients N] [--seconds S] [--ask-every K]</c>: N clients call a running
/// server's search (and every K-th request ask) as fast as they can for S seconds, each with its own key when keys
/// are given, and report per endpoint how many requests were answered, rate-limited (429) or failed, and whether any
/// client saw a 429 before reaching its limit. Loopback addresses only: it is a measurement, not a weapon.
/// </summary>
public static class LoadTestCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The server, e.g. http://127.0.0.1:5080 (loopback only)", Required = true };
        var keys = new Option<string[]>("--key") { Description = "API keys, one per client (repeated if fewer)", AllowMultipleArgumentsPerToken = true };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients", DefaultValueFactory = _ => 8 };
        var seconds = new Option<int>("--seconds") { Description = "Duration", DefaultValueFactory = _ => 60 };
        var askEvery = new Option<int>("--ask-every") { Description = "Every K-th request of a client is an ask (0: search only)", DefaultValueFactory = _ => 4 };
        var command = new Command("loadtest", "Measure a running server under concurrent clients (loopback only)") { url, keys, clients, seconds, askEvery };
        command.SetAction(async (parse, ct) =>
        {
            var baseUri = new Uri(parse.GetValue(url)!);
            if (!baseUri.IsLoopback) throw new ArgumentException($"--url must be a loopback address, not {baseUri.Host}.");
            var keyList = parse.GetValue(keys) ?? [];
            int n = Math.Max(1, parse.GetValue(clients)), every = parse.GetValue(askEvery);
            var duration = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(seconds)));
            var counts = new ConcurrentDictionary<(string Endpoint, int Status), int>();
            var early429 = 0;
            var latencies = new ConcurrentBag<double>();
            string[] queries = ["sanctions", "What did Lavrov say about North Korea?", "NATO expansion", "Syria", "trade and protectionism", "Ukraine"];
            var stop = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, n).Select(async client =>
            {
                using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
                if (keyList.Length > 0) http.DefaultRequestHeaders.Authorization = new("Bearer", keyList[client % keyList.Length]);
                var okSoFar = new Dictionary<string, int>();
                for (int i = 0; stop.Elapsed < duration && !ct.IsCancellationRequested; i++)
                {
                    bool ask = every > 0 && i % every == every - 1;
                    var endpoint = ask ? "/api/ask" : "/api/search";
                    object body = ask ? new { question = queries[i % queries.Length] } : new { query = queries[i % queries.Length], limit = 5 };
                    long started = Stopwatch.GetTimestamp();
                    int status;
                    try
                    {
                        using var response = await http.PostAsJsonAsync(endpoint, body, ct);
                        status = (int)response.StatusCode;
                        await response.Content.LoadIntoBufferAsync(ct);
                    }
                    catch (HttpRequestException)
                    {
                        status = 0;
                    }

                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    counts.AddOrUpdate((endpoint, status), 1, (_, c) => c + 1);
                    if (status == (int)HttpStatusCode.OK) okSoFar[endpoint] = okSoFar.GetValueOrDefault(endpoint) + 1;
                    // A 429 before this client had any answer from the endpoint is a limit hit early.
                    if (status == 429 && okSoFar.GetValueOrDefault(endpoint) == 0) Interlocked.Increment(ref early429);
                }
            }));

            var sorted = latencies.Order().ToArray();
            Console.WriteLine($"{n} clients, {stop.Elapsed.TotalSeconds:F0} s, {keyList.Length} keys, {sorted.Length} requests, {sorted.Length / stop.Elapsed.TotalSeconds:F0}/s");
            foreach (var group in counts.OrderBy(c => c.Key.Endpoint).ThenBy(c => c.Key.Status))
                Console.WriteLine($"  {group.Key.Endpoint} {(group.Key.Status == 0 ? "connection error" : group.Key.Status.ToString())}: {group.Value}");
            Console.WriteLine($"  latency ms p50 {sorted[sorted.Length / 2]:F1} p99 {sorted[(int)(sorted.Length * 0.99)]:F1}; 429 before any answer: {early429}");
            int errors = counts.Where(c => c.Key.Status is not (200 or 429)).Sum(c => c.Value);
            Console.WriteLine($"  errors (neither 200 nor 429): {errors}");
            return errors == 0 ? ExitCodes.Ok : ExitCodes.Internal;
        });
        return command;
    }
}
