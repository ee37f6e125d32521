using ChatBot.Api.Contracts;

namespace ChatBot.Api;

/// <summary><c>ChatBot:Api</c>: who may call the HTTP API, how often, and how big a request may be.</summary>
public sealed class ApiOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "ChatBot:Api";

    /// <summary>
    /// Whether every <c>/api</c> request needs a key (<c>apikey create</c>). Unset: required as soon as the server
    /// listens on anything but loopback; set it to true for any server others can reach.
    /// </summary>
    public bool? RequireKey { get; set; }

    /// <summary>Origins allowed to call the API from a browser (CORS); empty means CORS stays off.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Largest request body in bytes (Kestrel answers 413 above it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Longest request line (method, path and query string) in bytes (Kestrel answers 414 above it).</summary>
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;

    /// <summary>Bounds on the fields of a request.</summary>
    public RequestLimits Limits { get; set; } = new();

    /// <summary>Requests per window for search and document reads, per key (or per client address without a key).</summary>
    public RateLimitRule Search { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    /// <summary>Requests per window for <c>/api/ask</c>, per key (or per client address without a key).</summary>
    public RateLimitRule Ask { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };
}

/// <summary>A fixed-window rate limit: <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/>; 0 permits turns it off.</summary>
public sealed class RateLimitRule
{
    /// <summary>Requests allowed per window; 0 means no limit.</summary>
    public int PermitLimit { get; set; }

    /// <summary>Window length in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}
