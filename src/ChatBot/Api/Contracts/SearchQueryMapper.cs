using ChatBot.Model;
using ChatBot.Retrieval;

namespace ChatBot.Api.Contracts;

/// <summary>Turns a request (HTTP body or CLI options) into a <see cref="SearchQuery"/>, refusing bad values with a reason.</summary>
public static class SearchQueryMapper
{
    /// <summary>Maps and checks the request.</summary>
    /// <exception cref="ArgumentException">A value is missing or malformed; the message says which and why.</exception>
    public static SearchQuery ToQuery(SearchRequestDto request, int defaultLimit)
    {
        if (request.Query is null) throw new ArgumentException("The body needs a \"query\": the question or keywords to search for.");
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
            roles = [];
            foreach (var name in request.Roles)
                roles.Add(RoleNames.Parse(name) ?? throw new ArgumentException($"Unknown role '{name}': use principal, question or other."));
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
}
