namespace ChatBot.Storage.Tests.Spec;

/// <summary>Proves the validator the contract tests rely on rejects bodies the real server would reject or ignore.</summary>
public sealed class QdrantSpecValidatorTests
{
    private const string Query = "/collections/c/points/query";
    private static QdrantSpecValidator Validator => QdrantSpecValidator.Instance;

    [Fact]
    public void Accepts_a_well_formed_hybrid_query()
    {
        var body = """
            {"prefetch": [
               {"query": [0.6, 0.8], "using": "dense", "limit": 100, "filter": {"must": [{"key": "role", "match": {"any": ["principal"]}}]}},
               {"query": {"indices": [1, 4000000000], "values": [1.0, 1.0]}, "using": "bm25", "limit": 100}],
             "query": {"fusion": "rrf"}, "limit": 10, "with_payload": true}
            """;
        Assert.Empty(Validator.ValidateRequest("POST", Query, body));
    }

    [Fact]
    public void Rejects_an_upper_case_fusion()
    {
        var errors = Validator.ValidateRequest("POST", Query, """{"prefetch": [{"query": [1.0], "using": "dense"}], "query": {"fusion": "RRF"}}""");
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Rejects_an_upper_case_sparse_modifier()
    {
        var errors = Validator.ValidateRequest("PUT", "/collections/c", """{"vectors": {}, "sparse_vectors": {"bm25": {"modifier": "IDF"}}}""");
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Accepts_the_lower_case_sparse_modifier()
    {
        Assert.Empty(Validator.ValidateRequest("PUT", "/collections/c", """{"vectors": {"dense": {"size": 8, "distance": "Cosine"}}, "sparse_vectors": {"bm25": {"modifier": "idf"}}}"""));
    }

    [Theory]
    [InlineData("POST", Query, """{"query": [1.0], "using": "dense", "limt": 10}""")]
    [InlineData("POST", Query, """{"query": {"fusoin": "rrf"}, "prefetch": []}""")]
    [InlineData("PUT", "/collections/c", """{"vectors": {"dense": {"size": 8, "distance": "Cosine"}}, "shards_number": 2}""")]
    [InlineData("PUT", "/collections/c/index", """{"field_name": "date_to", "field_type": "datetime"}""")]
    [InlineData("POST", "/collections/c/points/delete", """{"filter": {"must": [{"key": "document_id", "match": {"valeu": "x"}}]}}""")]
    [InlineData("POST", "/collections/c/points/scroll", """{"limit": 10, "with_payloads": true}""")]
    public void Rejects_a_misspelled_field(string method, string path, string body)
    {
        var errors = Validator.ValidateRequest(method, path, body);
        Assert.Contains(errors, e => e.Contains("unknown property", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PUT", "/collections/c", """{"vectors": {"dense": {"size": 8, "distance": "cosine"}}}""")]
    [InlineData("PUT", "/collections/c", """{"vectors": {"dense": {"size": 0, "distance": "Cosine"}}}""")]
    [InlineData("PUT", "/collections/c/index", """{"field_name": "date_to", "field_schema": "date"}""")]
    [InlineData("PUT", "/collections/c/points", """{"points": [{"id": "not-a-uuid", "vector": {}}]}""")]
    [InlineData("POST", "/collections/c/points/delete", """{"filter": {"must": [{"key": "date_to", "range": {"gte": "yesterday"}}]}}""")]
    [InlineData("POST", "/collections/c/points/count", """{"exact": "yes"}""")]
    public void Rejects_a_wrong_value(string method, string path, string body)
    {
        Assert.NotEmpty(Validator.ValidateRequest(method, path, body));
    }

    [Fact]
    public void Rejects_an_operation_the_api_does_not_have()
    {
        Assert.NotEmpty(Validator.ValidateRequest("POST", "/collections/c/points/hybrid", "{}"));
    }
}
