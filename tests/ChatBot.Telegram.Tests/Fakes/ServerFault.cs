namespace ChatBot.Telegram.Tests.Fakes;

/// <summary>A scripted failure of the fake Bot API for one request.</summary>
internal abstract record ServerFault
{
    /// <summary>429 with <c>parameters.retry_after</c>.</summary>
    public static ServerFault TooManyRequests(int retryAfterSeconds) => new ApiError(429, $"Too Many Requests: retry after {retryAfterSeconds}", retryAfterSeconds);

    /// <summary>A proxy's 502 with an HTML body (not a Bot API envelope).</summary>
    public static ServerFault BadGateway { get; } = new Gateway();

    /// <summary>The connection is dropped without a response.</summary>
    public static ServerFault DropConnection { get; } = new Drop();

    /// <summary>A Bot API error envelope.</summary>
    public static ServerFault Error(int code, string description) => new ApiError(code, description, null);

    internal sealed record ApiError(int Code, string Description, int? RetryAfter) : ServerFault;

    internal sealed record Gateway : ServerFault;

    internal sealed record Drop : ServerFault;
}
