using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatBot.Tests.Infrastructure;

namespace ChatBot.Tests;

public sealed class ApiTests(ApiHostFixture host) : IClassFixture<ApiHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json)
    {
        using var response = await host.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task SearchReturnsVerbatimQuotesInTheDocumentedShape()
    {
        var (status, body) = await PostAsync("/api/search", """{"query": "What did Lavrov say about North Korea?", "limit": 3}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("What did Lavrov say about North Korea?", body.GetProperty("query").GetString());
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, 3);
        foreach (var r in results)
        {
            foreach (var field in new[] { "quote", "speaker", "role", "start", "end", "score", "similarity", "question", "document", "citation" }) Assert.True(r.TryGetProperty(field, out _), field);
            foreach (var field in new[] { "id", "title", "date", "place", "url", "source" }) Assert.True(r.GetProperty("document").TryGetProperty(field, out _), field);
            foreach (var field in new[] { "text", "speaker", "post", "event", "place", "date", "date_text", "link", "link_kind", "link_title" }) Assert.True(r.GetProperty("citation").TryGetProperty(field, out _), field);
            Assert.Equal("principal", r.GetProperty("role").GetString());
            var id = r.GetProperty("document").GetProperty("id").GetString();
            var document = await host.Client.GetFromJsonAsync<JsonElement>($"/api/documents/{id}", Ct);
            var text = document.GetProperty("text").GetString()!;
            Assert.Equal(text[r.GetProperty("start").GetInt32()..r.GetProperty("end").GetInt32()], r.GetProperty("quote").GetString());
        }

        Assert.Contains("North Korea", results[0].GetProperty("quote").GetString());
        Assert.Equal("2017-11-08", results[0].GetProperty("document").GetProperty("date").GetString());
        var citation = results[0].GetProperty("citation");
        Assert.Equal("Sergey Lavrov, Foreign Minister · Comments and answers to media questions on the sidelines of the APEC Ministerial Meeting · Da Nang, 8 November 2017",
            citation.GetProperty("text").GetString());
        Assert.Equal("Comments and answers to media questions on the sidelines of the APEC Ministerial Meeting", citation.GetProperty("event").GetString());
        Assert.Equal("2017-11-08", citation.GetProperty("date").GetString());
        Assert.Equal("8 November 2017", citation.GetProperty("date_text").GetString());
        Assert.Equal(JsonValueKind.Null, citation.GetProperty("link").ValueKind); // the mid.ru files carry no address
        Assert.Equal(JsonValueKind.Null, citation.GetProperty("link_kind").ValueKind);
    }

    [Fact]
    public async Task TheInterpretationSaysWhenResultsAreNewestFirst()
    {
        var (_, plain) = await PostAsync("/api/search", """{"query": "What did Lavrov say about terrorism?", "limit": 6}""");
        var (status, lately) = await PostAsync("/api/search", """{"query": "What has Lavrov said lately about terrorism?", "limit": 6}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(plain.GetProperty("interpretation").GetProperty("newest_first").GetBoolean());
        Assert.True(lately.GetProperty("interpretation").GetProperty("newest_first").GetBoolean());
        Assert.Equal("terrorism", lately.GetProperty("interpretation").GetProperty("topic").GetString());
        var dates = lately.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("document").GetProperty("date").GetString()).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task SpeakerAndDateFiltersApply()
    {
        var (status, body) = await PostAsync("/api/search", """{"query": "Trump", "speaker": "Lavrov", "from": "2016", "to": "2016-12"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("2016-11-17", r.GetProperty("document").GetProperty("date").GetString()));
    }

    [Theory]
    [InlineData("""{"query": ""}""", "empty")]
    [InlineData("""{"limit": 3}""", "query")]
    [InlineData("""{"query": "x", "limit": 500}""", "limit")]
    [InlineData("""{"query": "x", "from": "last year"}""", "YYYY")]
    [InlineData("""{"query": "x", "roles": ["minister"]}""", "Unknown role")]
    public async Task BadSearchRequestIsA400ProblemWithAReason(string json, string reason)
    {
        var (status, body) = await PostAsync("/api/search", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Contains(reason, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OverlongQueryIsA400SayingHowLong()
    {
        var (status, body) = await PostAsync("/api/search", JsonSerializer.Serialize(new { query = new string('w', 1500) }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("1500 characters", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MalformedJsonIsA400Problem()
    {
        using var response = await host.Client.PostAsync("/api/search", new StringContent("""{"query": "North Korea", """, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Malformed JSON body", body.GetProperty("title").GetString());
        Assert.Contains("LineNumber", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DocumentsAreListedAndServedWithFullTextAndTurns()
    {
        var list = await host.Client.GetFromJsonAsync<JsonElement>("/api/documents", Ct);
        var documents = list.EnumerateArray().ToList();
        Assert.Equal(2, documents.Count);
        var daNang = documents.Single(d => d.GetProperty("place").GetString() == "Da Nang");
        var id = daNang.GetProperty("id").GetString();
        var detail = await host.Client.GetFromJsonAsync<JsonElement>($"/api/documents/{id}", Ct);
        var text = detail.GetProperty("text").GetString()!;
        var turns = detail.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(15, turns.Count);
        Assert.Equal("question", turns[1].GetProperty("role").GetString());
        Assert.StartsWith("It is rumoured that the Americans", text[turns[1].GetProperty("start").GetInt32()..]);
        // The source is shown relative to the folder holding the corpus (never as the server's absolute path).
        Assert.Equal(File.ReadAllText(Path.Combine(ChatBot.Tests.Shared.RepoPaths.Root, daNang.GetProperty("source").GetString()!))[..text.Length], text);
    }

    [Fact]
    public async Task UnknownDocumentIsA404Problem()
    {
        using var response = await host.Client.GetAsync("/api/documents/nope", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("nope", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task HealthReportsTheStore()
    {
        var health = await host.Client.GetFromJsonAsync<JsonElement>("/health", Ct);
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(2, health.GetProperty("documents").GetInt32());
        Assert.Contains("sqlite", health.GetProperty("store").GetString());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheRoutes()
    {
        var openApi = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/search", out _));
        Assert.True(paths.TryGetProperty("/api/documents/{id}", out _));
        Assert.True(paths.TryGetProperty("/health", out _));
    }

    [Fact]
    public async Task QuotesMarkTheWordsTheSpeakerRelaysFromSomeoneElseWithOffsetsIntoTheQuote()
    {
        // In the Da Nang sample Lavrov relays Mattis: "He said that a war with North Korea would be catastrophic ...".
        var (status, body) = await PostAsync("/api/search", """{"query": "war with North Korea catastrophic tens of thousands of lives", "limit": 5}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, r => Assert.Equal(JsonValueKind.Array, r.GetProperty("relayed").ValueKind));
        var quote = results.First(r => r.GetProperty("quote").GetString()!.Contains("would be catastrophic", StringComparison.Ordinal));
        var text = quote.GetProperty("quote").GetString()!;

        var relayed = Assert.Single(quote.GetProperty("relayed").EnumerateArray());

        var words = text[relayed.GetProperty("start").GetInt32()..relayed.GetProperty("end").GetInt32()];
        Assert.StartsWith("a war with North Korea would be catastrophic", words, StringComparison.Ordinal);
        Assert.Equal("reported_speech", relayed.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, relayed.GetProperty("source").ValueKind); // "He said that": a pronoun names nobody
    }

    [Fact]
    public async Task AskAnswersWithNumberedVerbatimQuotesAndFollowsUpInAConversation()
    {
        var (status, first) = await PostAsync("/api/ask", """{"question": "What did Lavrov say about North Korea?"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("extractive", first.GetProperty("mode").GetString());
        Assert.False(first.GetProperty("refused").GetBoolean());
        Assert.Contains("[1]", first.GetProperty("answer").GetString());
        var quote = first.GetProperty("quotes")[0];
        foreach (var field in new[] { "quote", "speaker", "role", "start", "end", "score", "question", "document" }) Assert.True(quote.TryGetProperty(field, out _), field);
        var conversation = first.GetProperty("conversation_id").GetString();

        var (_, followUp) = await PostAsync("/api/ask", JsonSerializer.Serialize(new { question = "And about Syria?", conversation_id = conversation }));
        Assert.Equal(conversation, followUp.GetProperty("conversation_id").GetString());
        Assert.Equal("What did Sergey Lavrov say about Syria?", followUp.GetProperty("standalone_question").GetString());
        Assert.Contains("Syria", followUp.GetProperty("quotes")[0].GetProperty("quote").GetString());
    }

    [Fact]
    public async Task AskRefusesWhenTheTranscriptsHoldNoAnswer()
    {
        var (status, body) = await PostAsync("/api/ask", """{"question": "What did Lavrov say about Taylor Swift?"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("refused").GetBoolean());
        Assert.Empty(body.GetProperty("quotes").EnumerateArray());
        Assert.Contains("2 documents were searched", body.GetProperty("answer").GetString());
    }

    [Theory]
    [InlineData("""{"question": " "}""", "empty")]
    [InlineData("""{}""", "question")]
    [InlineData("""{"question": "North Korea", "limit": 50}""", "between 1 and 10")]
    public async Task BadAskRequestIsA400ProblemWithAReason(string json, string reason)
    {
        var (status, body) = await PostAsync("/api/ask", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, body.GetProperty("detail").GetString());
    }
}
