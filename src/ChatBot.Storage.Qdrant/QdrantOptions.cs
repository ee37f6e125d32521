using System.Text.RegularExpressions;

namespace ChatBot.Storage.Qdrant;

/// <summary>
/// Where the Qdrant store lives and how it talks to the server. The store uses two collections named after
/// <see cref="Collection"/>: <c>{Collection}_chunks</c> (searchable chunks) and <c>{Collection}_documents</c>
/// (document records with full text and turns).
/// </summary>
public sealed partial class QdrantOptions
{
    /// <summary>The collection name prefix used when none is configured.</summary>
    public const string DefaultCollection = "chatbot";

    /// <summary>Qdrant's gRPC port, the official client's default.</summary>
    public const int DefaultPort = 6334;

    /// <summary>
    /// Address of Qdrant's gRPC API as one URL, e.g. <c>http://qdrant.internal:6334</c> (https for TLS); when set it
    /// replaces <see cref="Host"/>, <see cref="Port"/> and <see cref="Https"/>. A URL without a port uses 6334.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Host name or address of the Qdrant server (or a cluster node or load balancer).</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>gRPC port (not the REST port 6333).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Whether to connect with TLS.</summary>
    public bool Https { get; set; }

    /// <summary>Value of the <c>api-key</c> request header, or null for a server without authentication. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Prefix of the collection names (letters, digits, '_' and '-').</summary>
    public string Collection { get; set; } = DefaultCollection;

    /// <summary>Dimensions of the dense vectors: the embedder's output size (512 for the local encoder).</summary>
    public int VectorSize { get; set; } = 512;

    /// <summary>Shards per collection when it is created; null leaves the server's default.</summary>
    public int? ShardNumber { get; set; }

    /// <summary>Replicas of each shard when a collection is created; null leaves the server's default.</summary>
    public int? ReplicationFactor { get; set; }

    /// <summary>Replicas that must apply a write for it to succeed; null leaves the server's default.</summary>
    public int? WriteConsistencyFactor { get; set; }

    /// <summary>The gRPC deadline of one attempt (the client's own timeout; retries get their own).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Points per upsert request.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Retries after a transient failure (gRPC status Unavailable or DeadlineExceeded); 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base delay of the jittered exponential back-off between retries.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The k of reciprocal rank fusion in hybrid search. Null sends <c>Fusion.Rrf</c> and uses the server's default
    /// (k = 2 in Qdrant, works from 1.10 on); a value sends a parameterised <c>Rrf { k }</c>, which needs a server that
    /// supports it (1.16 on). 60 matches the embedded store.
    /// </summary>
    public int? RrfK { get; set; }

    /// <summary>Name of the collection holding chunk points.</summary>
    public string ChunksCollection => Collection + "_chunks";

    /// <summary>Name of the collection holding document records.</summary>
    public string DocumentsCollection => Collection + "_documents";

    /// <summary>The gRPC address: <see cref="Url"/> when set, else built from <see cref="Host"/>, <see cref="Port"/> and <see cref="Https"/>.</summary>
    public Uri Address
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Url))
            {
                var uri = new Uri(Url, UriKind.Absolute);
                return uri.IsDefaultPort && !HasExplicitPort(Url) ? new UriBuilder(uri) { Port = DefaultPort }.Uri : uri;
            }

            return new UriBuilder(Https ? Uri.UriSchemeHttps : Uri.UriSchemeHttp, Host, Port).Uri;
        }
    }

    /// <summary>What is wrong with these settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(Url))
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                errors.Add($"Url must be an absolute http or https address, e.g. http://localhost:6334 (got '{Url}').");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(Host) || Uri.CheckHostName(Host) == UriHostNameType.Unknown)
                errors.Add($"Host must be a host name or address (got '{Host}').");
            if (Port is < 1 or > 65535) errors.Add($"Port must be between 1 and 65535 (got {Port}).");
        }

        if (ApiKey is { } key && (key.Length == 0 || key.Any(char.IsControl)))
            errors.Add("ApiKey must be null or a non-empty value without control characters.");
        if (string.IsNullOrEmpty(Collection) || !CollectionName().IsMatch(Collection))
            errors.Add($"Collection must be 1 to 200 letters, digits, '_' or '-' (got '{Collection}').");
        if (VectorSize is < 1 or > 65536) errors.Add($"VectorSize must be between 1 and 65536 (got {VectorSize}).");
        if (ShardNumber is < 1) errors.Add($"ShardNumber must be at least 1 (got {ShardNumber}).");
        if (ReplicationFactor is < 1) errors.Add($"ReplicationFactor must be at least 1 (got {ReplicationFactor}).");
        if (WriteConsistencyFactor is < 1) errors.Add($"WriteConsistencyFactor must be at least 1 (got {WriteConsistencyFactor}).");
        if (WriteConsistencyFactor is { } w && ReplicationFactor is { } r && w > r)
            errors.Add($"WriteConsistencyFactor ({w}) cannot exceed ReplicationFactor ({r}).");
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan) errors.Add($"Timeout must be positive (got {Timeout}).");
        if (BatchSize is < 1 or > 10_000) errors.Add($"BatchSize must be between 1 and 10000 (got {BatchSize}).");
        if (MaxRetries is < 0 or > 10) errors.Add($"MaxRetries must be between 0 and 10 (got {MaxRetries}).");
        if (RetryDelay < TimeSpan.Zero) errors.Add($"RetryDelay cannot be negative (got {RetryDelay}).");
        if (RrfK is < 1) errors.Add($"RrfK must be at least 1 (got {RrfK}).");
        return errors;
    }

    /// <summary>The settings for messages, with the API key masked.</summary>
    public override string ToString() =>
        $"Address={(Validate().Count == 0 ? Address.ToString() : Url ?? Host)}, ApiKey={(ApiKey is null ? "(none)" : "***")}, Collection={Collection}, VectorSize={VectorSize}, ShardNumber={ShardNumber}, " +
        $"ReplicationFactor={ReplicationFactor}, WriteConsistencyFactor={WriteConsistencyFactor}, Timeout={Timeout}, BatchSize={BatchSize}";

    /// <summary>A copy, so later changes to the caller's instance do not reach a running store.</summary>
    internal QdrantOptions Clone() => (QdrantOptions)MemberwiseClone();

    /// <summary>Throws <see cref="StoreException"/> listing every problem.</summary>
    internal void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new StoreException("Invalid Qdrant settings: " + string.Join(" ", errors));
    }

    /// <summary>Whether the URL text names a port (<see cref="Uri.IsDefaultPort"/> cannot tell <c>http://h:80</c> from <c>http://h</c>).</summary>
    private static bool HasExplicitPort(string url)
    {
        var authority = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        int end = authority.IndexOfAny(['/', '?', '#']);
        if (end >= 0) authority = authority[..end];
        int bracket = authority.LastIndexOf(']');
        return authority.IndexOf(':', bracket + 1) >= 0;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,200}$")]
    private static partial Regex CollectionName();
}
