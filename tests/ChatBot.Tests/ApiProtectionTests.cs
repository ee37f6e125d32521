using System.Net;
using System.Text;
using System.Text.Json;
using ChatBot.Tests.Infrastructure;

namespace ChatBot.Tests;

/// <summary>The API as exposed to the public: keys required, low rate limits, small bodies.</summary>
public sealed class ProtectedApiHost : LiveApiHost
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["ChatBot:Api:RequireKey"] = "true",
        ["ChatBot:Api:Search:PermitLimit"] = "5",
        ["ChatBot:Api:Search:WindowSeconds"] = "60",
        ["ChatBot:Api:Ask:PermitLimit"] = "3",
        ["ChatBot:Api:Ask:WindowSeconds"] = "60",
        ["ChatBot:Api:MaxRequestBodyBytes"] = "4096",
    };
}

public sealed class ApiProtectionTests(ProtectedApiHost host) : IClassFixture<ProtectedApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    [Fact]
    public async Task Without_a_key_the_api_answers_401_with_the_way_to_send_one_and_health_stays_open()
    {
        using var response = await host.Client.PostAsync("/api/search", Json(new { query = "North Korea" }), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("X-Api-Key", (await BodyAsync(response)).GetProperty("detail").GetString());
        using var documents = await host.Client.GetAsync("/api/documents", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, documents.StatusCode);
        using var health = await host.Client.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_key_works_as_bearer_or_header_and_an_unknown_or_revoked_key_is_refused()
    {
        using var bearer = host.ClientWithNewKey(out _, bearer: true);
        using var header = host.ClientWithNewKey(out var key, bearer: false);
        Assert.Equal(HttpStatusCode.OK, (await bearer.PostAsync("/api/search", Json(new { query = "North Korea" }), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await header.PostAsync("/api/search", Json(new { query = "North Korea" }), Ct)).StatusCode);

        using var forged = new HttpClient { BaseAddress = host.Client.BaseAddress };
        forged.DefaultRequestHeaders.Add("X-Api-Key", key[..^2] + "xx");
        using var refused = await forged.PostAsync("/api/search", Json(new { query = "North Korea" }), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Invalid API key", (await BodyAsync(refused)).GetProperty("title").GetString());

        var id = host.Keys.Verify(key)!;
        Assert.True(host.Keys.Revoke(id));
        Assert.NotNull(host.Keys.List().Single(k => k.Id == id).RevokedAt);
        Assert.Equal(HttpStatusCode.Unauthorized, (await header.PostAsync("/api/search", Json(new { query = "North Korea" }), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_key_table_holds_hashes_never_the_keys()
    {
        using var _ = host.ClientWithNewKey(out var key);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(host.DataDirectory, "chatbot.db"), Ct);
        var wal = Path.Combine(host.DataDirectory, "chatbot.db-wal");
        var all = Encoding.ASCII.GetString(bytes) + (File.Exists(wal) ? Encoding.ASCII.GetString(await File.ReadAllBytesAsync(wal, Ct)) : "");
        Assert.DoesNotContain(key, all);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key))), all);
    }

    [Fact]
    public async Task Past_the_search_limit_a_key_gets_429_with_Retry_After_while_other_keys_and_ask_still_work()
    {
        using var client = host.ClientWithNewKey(out _);
        for (int i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/search", Json(new { query = "sanctions" }), Ct)).StatusCode);
        using var limited = await client.PostAsync("/api/search", Json(new { query = "sanctions" }), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(429, (await BodyAsync(limited)).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/documents", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/ask", Json(new { question = "What about sanctions?" }), Ct)).StatusCode);
        using var other = host.ClientWithNewKey(out _);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("/api/search", Json(new { query = "sanctions" }), Ct)).StatusCode);
    }

    [Fact]
    public async Task Conversation_ids_are_random_128_bit_and_answer_only_to_the_key_that_started_them()
    {
        using var alice = host.ClientWithNewKey(out _);
        using var bob = host.ClientWithNewKey(out _);
        using var first = await alice.PostAsync("/api/ask", Json(new { question = "What did Lavrov say about North Korea?" }), Ct);
        var id = (await BodyAsync(first)).GetProperty("conversation_id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);

        using var followUp = await alice.PostAsync("/api/ask", Json(new { question = "And about Syria?", conversation_id = id }), Ct);
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        Assert.Equal(id, (await BodyAsync(followUp)).GetProperty("conversation_id").GetString());

        using var stolen = await bob.PostAsync("/api/ask", Json(new { question = "And about Syria?", conversation_id = id }), Ct);
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        var problem = await BodyAsync(stolen);
        Assert.Equal("Unknown conversation", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Korea", problem.ToString());

        using var madeUp = await bob.PostAsync("/api/ask", Json(new { question = "And about Syria?", conversation_id = "1" }), Ct);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_no_CORS_grant_without_configured_origins()
    {
        using var client = host.ClientWithNewKey(out _);
        foreach (var (method, path) in new[] { ("GET", "/health"), ("GET", "/api/documents/nope"), ("POST", "/api/search") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Json(new { query = "x" }) : null };
            request.Headers.Add("Origin", "https://evil.example");
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_the_openapi_document_declares_the_key_schemes()
    {
        using var client = host.ClientWithNewKey(out _);
        using var big = await client.PostAsync("/api/search", Json(new { query = "x", speaker = new string('a', 10_000) }), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);

        var openApi = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var schemes = openApi.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("apiKey", schemes.GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal(2, openApi.GetProperty("security").GetArrayLength());
    }
}
