using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Tests.Infrastructure;

namespace ChatBot.Tests;

/// <summary>The API on loopback as a developer runs it: no key needed, limits off, a body limit large enough for huge lists.</summary>
public sealed class OpenApiHost : LiveApiHost
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["ChatBot:Api:Search:PermitLimit"] = "0",
        ["ChatBot:Api:Ask:PermitLimit"] = "0",
        ["ChatBot:Api:MaxRequestBodyBytes"] = "4000000",
    };
}

/// <summary>
/// Hostile and random request bodies against the live host: each gets a clear error (a 4xx ProblemDetails) or a
/// correct answer, never a 5xx, and the store holds what it held before.
/// </summary>
public sealed class ApiFuzzTests(OpenApiHost host) : IClassFixture<OpenApiHost>
{
    private const int Requests = 300;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Body, string? Type)> PostAsync(string path, string json)
    {
        using var response = await host.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"query": "x", "roles": [null]}""", "null")]
    [InlineData("""{"query": "x", "roles": ["principal", 7]}""", "")]
    [InlineData("""{"query": "x", "roles": "principal"}""", "")]
    public async Task Malformed_roles_are_a_400_problem(string json, string reason)
    {
        var (status, body, type) = await PostAsync("/api/search", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains(reason, body);
    }

    [Fact]
    public async Task A_hundred_thousand_roles_are_a_400_naming_the_limit_before_any_SQL()
    {
        var json = JsonSerializer.Serialize(new { query = "sanctions", roles = Enumerable.Repeat("principal", 100_000) });
        var (status, body, _) = await PostAsync("/api/search", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("100000 entries; the limit is 8", body);
    }

    [Fact]
    public async Task The_last_month_of_the_calendar_is_a_valid_upper_bound()
    {
        var (status, body, _) = await PostAsync("/api/search", """{"query": "Trump", "to": "9999-12"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray());
        var (badStatus, badBody, _) = await PostAsync("/api/search", """{"query": "Trump", "to": "9999-13"}""");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("YYYY-MM", badBody);
        Assert.DoesNotContain("Parameter", badBody);
    }

    [Fact]
    public async Task Sources_and_health_show_no_absolute_server_path()
    {
        var (_, search, _) = await PostAsync("/api/search", """{"query": "North Korea", "limit": 3}""");
        foreach (var r in JsonDocument.Parse(search).RootElement.GetProperty("results").EnumerateArray())
            Assert.Matches("^samples/[0-9a-f_]+\\.txt$", r.GetProperty("document").GetProperty("source").GetString());
        var documents = await host.Client.GetStringAsync("/api/documents", Ct);
        var health = await host.Client.GetStringAsync("/health", Ct);
        foreach (var text in new[] { search, documents, health })
        {
            Assert.DoesNotContain(host.DataDirectory, text);
            Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), text);
            Assert.DoesNotContain(ChatBot.Tests.Shared.RepoPaths.Root, text);
        }
    }

    [Fact]
    public async Task Random_bodies_get_a_clear_error_or_an_answer_never_a_5xx_and_nothing_is_lost()
    {
        var before = await host.Client.GetStringAsync("/api/documents", Ct);
        var random = new Random(20261202);
        var statuses = new Dictionary<int, int>();
        for (int i = 0; i < Requests; i++)
        {
            var (path, json) = RandomRequest(random);
            var (status, body, type) = await PostAsync(path, json);
            statuses[(int)status] = statuses.GetValueOrDefault((int)status) + 1;
            Assert.True((int)status < 500, $"{path} {json} -> {(int)status} {body}");
            if ((int)status >= 400) Assert.Equal("application/problem+json", type);
        }

        Assert.True(statuses.GetValueOrDefault(200) > 0 && statuses.GetValueOrDefault(400) > 0, string.Join(", ", statuses));
        Assert.Equal(before, await host.Client.GetStringAsync("/api/documents", Ct));
        Assert.Contains("\"ok\"", await host.Client.GetStringAsync("/health", Ct));
    }

    private static (string Path, string Json) RandomRequest(Random random)
    {
        bool ask = random.Next(3) == 0;
        string[] fields = ask ? ["question", "conversation_id", "limit", "quotes_only"] : ["query", "limit", "speaker", "from", "to", "roles", "source"];
        var body = new JsonObject();
        // Usually the main field is there and sensible, so some requests are answered and the rest of the body is what varies.
        if (random.Next(4) > 0) body[fields[0]] = random.Next(3) == 0 ? RandomText(random) : "What did Lavrov say about sanctions?";
        foreach (var field in fields.Skip(1))
        {
            if (random.Next(3) == 0) body[field] = RandomValue(random, 0);
        }

        var json = body.ToJsonString();
        json = random.Next(10) switch
        {
            0 => json[..random.Next(json.Length)],                  // truncated
            1 => json.Replace(":", "::", StringComparison.Ordinal), // broken syntax
            2 => "[" + json + "]",                                  // wrong top-level shape
            _ => json,
        };
        return (ask ? "/api/ask" : "/api/search", json);
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 2 ? 6 : 9) switch
    {
        0 => null,
        1 => random.Next(int.MinValue, int.MaxValue),
        2 => random.NextDouble() * 1e300,
        3 => random.Next(2) == 0,
        4 => RandomText(random),
        5 => new[] { "principal", "question", "other", "2014", "2016-11", "9999-12", "0000-01", "Lavrov", "" }[random.Next(9)],
        6 => new JsonArray(Enumerable.Range(0, random.Next(5)).Select(_ => RandomValue(random, depth + 1)).ToArray()),
        7 => new JsonObject { ["x"] = RandomValue(random, depth + 1) },
        _ => new string('9', random.Next(1, 400)),
    };

    private static string RandomText(Random random)
    {
        const string alphabet = "abc XYZ\"'\\:*()-^~NEAR AND OR NOT\u0000\u00e9\u4e2d{}[];--/* %_?";
        var length = random.Next(0, random.Next(2) == 0 ? 40 : 1200);
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }
}
