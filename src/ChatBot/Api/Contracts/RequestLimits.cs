namespace ChatBot.Api.Contracts;

/// <summary>
/// <c>ChatBot:Api:Limits</c>: bounds a request's fields must respect before they reach the search or the store.
/// Bodies and URLs are bounded by Kestrel (<c>ChatBot:Api:MaxRequestBodyBytes</c>, <c>MaxRequestLineBytes</c>).
/// </summary>
public sealed class RequestLimits
{
    /// <summary>Most entries in a search's <c>roles</c> list (there are three roles; repeats are allowed up to this).</summary>
    public int MaxRoles { get; set; } = 8;

    /// <summary>Longest query or question, in characters (at most the search's own limit of 1,000).</summary>
    public int MaxQueryLength { get; set; } = ChatBot.Retrieval.SearchQuery.MaxQueryLength;

    /// <summary>Longest speaker or source filter, in characters.</summary>
    public int MaxFilterLength { get; set; } = 200;
}
