using ChatBot.Model;
using ChatBot.Retrieval;

namespace ChatBot.Api.Contracts;

/// <summary>Turns a request (HTTP body or CLI options) into a <see cref="SearchQuery"/>, refusing bad values with a reason.</summary>
public static class SearchQueryMapper
{
    /// <summary>Maps and checks the request.</summary>
    /// <exception cref="ArgumentException">A value is missing or malformed; the message says which and why.</exception>
    public static SearchQuery ToQuery(SearchRequestDto request, int defaultLimit, RequestLimits? limits = null)
    {
        limits ??= new RequestLimits();
        if (request.Query is null) throw new ArgumentException("The body needs a \"query\": the question or keywords to search for.");
        if (request.Query.Length > limits.MaxQueryLength)
            throw new ArgumentException($"The query is {request.Query.Length} characters long; the limit is {limits.MaxQueryLength}.");
        if (request.Speaker is { Length: var speakerLength } && speakerLength > limits.MaxFilterLength)
            throw new ArgumentException($"The speaker is {speakerLength} characters long; the limit is {limits.MaxFilterLength}.");
        if (request.Source is { Length: var sourceLength } && sourceLength > limits.MaxFilterLength)
            throw new ArgumentException($"The source is {sourceLength} characters long; the limit is {limits.MaxFilterLength}.");
        DateOnly? from, to;
        try
        {
            from = DateBounds.Parse(request.From, upper: false);
            to = DateBounds.Parse(request.To, upper: true);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        List<SpeakerRole>? roles = null;
        if (request.Roles is { Count: > 0 })
        {
            if (request.Roles.Count > limits.MaxRoles)
                throw new ArgumentException($"The roles list has {request.Roles.Count} entries; the limit is {limits.MaxRoles} (the roles are principal, question and other).");
            roles = [];
            foreach (var name in request.Roles)
            {
                if (name is null) throw new ArgumentException("The roles list holds a null: use principal, question or other.");
                var role = RoleNames.Parse(name) ?? throw new ArgumentException($"Unknown role '{Shorten(name)}': use principal, question or other.");
                if (!roles.Contains(role)) roles.Add(role);
            }
        }

        return new SearchQuery
        {
            Query = request.Query,
            Limit = request.Limit ?? defaultLimit,
            Speaker = string.IsNullOrWhiteSpace(request.Speaker) ? null : request.Speaker.Trim(),
            From = from,
            To = to,
            Roles = roles,
            Source = string.IsNullOrWhiteSpace(request.Source) ? null : request.Source.Trim(),
        };
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
