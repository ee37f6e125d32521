using ChatBot.Storage.Qdrant;
using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Tests.Qdrant;

public sealed class QdrantOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_name_two_collections()
    {
        var options = new QdrantOptions();
        Assert.Empty(options.Validate());
        Assert.Equal(("chatbot", "chatbot_chunks", "chatbot_documents", 512), (options.Collection, options.ChunksCollection, options.DocumentsCollection, options.VectorSize));
    }

    [Theory]
    [InlineData(nameof(QdrantOptions.Url), "Url must be an absolute http or https address, e.g. http://localhost:6334 (got 'ftp://x')")]
    [InlineData(nameof(QdrantOptions.Host), "Host must be a host name or address (got 'a b')")]
    [InlineData(nameof(QdrantOptions.Port), "Port must be between 1 and 65535 (got 0)")]
    [InlineData(nameof(QdrantOptions.Collection), "Collection must be 1 to 200 letters, digits, '_' or '-' (got 'a/b')")]
    [InlineData(nameof(QdrantOptions.VectorSize), "VectorSize must be between 1 and 65536 (got -1)")]
    [InlineData(nameof(QdrantOptions.ShardNumber), "ShardNumber must be at least 1 (got 0)")]
    [InlineData(nameof(QdrantOptions.ReplicationFactor), "WriteConsistencyFactor (3) cannot exceed ReplicationFactor (2)")]
    [InlineData(nameof(QdrantOptions.Timeout), "Timeout must be positive")]
    [InlineData(nameof(QdrantOptions.BatchSize), "BatchSize must be between 1 and 10000 (got 0)")]
    [InlineData(nameof(QdrantOptions.MaxRetries), "MaxRetries must be between 0 and 10 (got 11)")]
    [InlineData(nameof(QdrantOptions.ApiKey), "ApiKey must be null or a non-empty value")]
    public void Each_invalid_setting_is_named(string setting, string expected)
    {
        var options = new QdrantOptions();
        switch (setting)
        {
            case nameof(QdrantOptions.Url): options.Url = "ftp://x"; break;
            case nameof(QdrantOptions.Host): options.Host = "a b"; break;
            case nameof(QdrantOptions.Port): options.Port = 0; break;
            case nameof(QdrantOptions.Collection): options.Collection = "a/b"; break;
            case nameof(QdrantOptions.VectorSize): options.VectorSize = -1; break;
            case nameof(QdrantOptions.ShardNumber): options.ShardNumber = 0; break;
            case nameof(QdrantOptions.ReplicationFactor): options.ReplicationFactor = 2; options.WriteConsistencyFactor = 3; break;
            case nameof(QdrantOptions.Timeout): options.Timeout = TimeSpan.Zero; break;
            case nameof(QdrantOptions.BatchSize): options.BatchSize = 0; break;
            case nameof(QdrantOptions.MaxRetries): options.MaxRetries = 11; break;
            case nameof(QdrantOptions.ApiKey): options.ApiKey = ""; break;
        }

        Assert.Contains(options.Validate(), e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_store_refuses_invalid_options_with_a_store_exception()
    {
        var e = Assert.Throws<StoreException>(() => new QdrantTranscriptStore(new QdrantOptions { Url = "nowhere", BatchSize = 0 }));
        Assert.StartsWith("Invalid Qdrant settings: Url must be", e.Message, StringComparison.Ordinal);
        Assert.Contains("BatchSize", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "localhost", 6334, false, "http://localhost:6334/")]
    [InlineData(null, "qdrant.internal", 7000, true, "https://qdrant.internal:7000/")]
    [InlineData("http://10.0.0.5:6334", "ignored", 1, true, "http://10.0.0.5:6334/")]
    [InlineData("https://cloud.example", "ignored", 1, false, "https://cloud.example:6334/")]
    [InlineData("http://[::1]:80", "ignored", 1, false, "http://[::1]/")]
    public void The_address_is_the_url_when_set_else_host_port_and_scheme(string? url, string host, int port, bool https, string expected)
    {
        var options = new QdrantOptions { Url = url, Host = host, Port = port, Https = https };
        Assert.Empty(options.Validate());
        Assert.Equal(expected, options.Address.ToString());
    }

    [Fact]
    public void The_rest_port_is_used_as_configured_with_a_warning_that_the_store_speaks_grpc()
    {
        var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var store = new QdrantTranscriptStore(new QdrantOptions { Url = "http://127.0.0.1:6333" }, factory);
        Assert.Equal("qdrant: http://127.0.0.1:6333/ (collections chatbot_chunks, chatbot_documents)", store.Description);
        Assert.Contains(logs.Entries, e => e.Contains("port 6333 is Qdrant's REST port; this store speaks gRPC, port 6334 by default", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_masks_the_api_key()
    {
        var text = new QdrantOptions { ApiKey = "abc-secret" }.ToString();
        Assert.DoesNotContain("abc-secret", text, StringComparison.Ordinal);
        Assert.Contains("ApiKey=***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_keeps_its_own_copy_of_the_options()
    {
        var options = new QdrantOptions { Url = "http://127.0.0.1:6334" };
        using var store = new QdrantTranscriptStore(options);
        options.Url = "http://elsewhere:6334";
        Assert.Contains("127.0.0.1", store.Description, StringComparison.Ordinal);
    }
}
