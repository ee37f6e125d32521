using ChatBot.Answering;
using ChatBot.Api.Contracts;
using ChatBot.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChatBot.Api;

/// <summary><c>POST /api/ask</c>: an answer built from verbatim, cited quotes; follow-ups through a conversation id.</summary>
public static class AskApi
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", AskAsync)
            .WithName("Ask")
            .WithSummary("Answer a question with verified quotes")
            .WithDescription("Extractive by default (quotes under a neutral lead); with a chat model configured, prose whose every quote is checked against its cited passage. "
                + "Omit conversation_id to start a conversation: the response carries its id, issued by the server and bound to the API key (or address) that started it. "
                + "Send it back for follow-ups; an unknown, expired or foreign id is a 404.")
            .RequireRateLimiting(ApiProtection.AskLimit);
        return app;
    }

    /// <summary>Answers a question.</summary>
    public static async Task<Results<Ok<AskResponseDto>, ProblemHttpResult>> AskAsync(
        [FromBody] AskRequestDto request, IAnswerService answers, IConversationStore conversations, IOptions<ApiOptions> api, IOptions<ConversationOptions> conversationOptions, HttpContext http, CancellationToken cancellationToken)
    {
        var limits = api.Value.Limits;
        if (request.Question is null)
            return TypedResults.Problem(title: "Invalid ask request", detail: "The body needs a \"question\".", statusCode: StatusCodes.Status400BadRequest);
        if (request.Question.Length > limits.MaxQueryLength)
            return TypedResults.Problem(title: "Invalid ask request", detail: $"The question is {request.Question.Length} characters long; the limit is {limits.MaxQueryLength}.", statusCode: StatusCodes.Status400BadRequest);

        var owner = ApiProtection.ClientOf(http);
        IReadOnlyList<Answer> history = [];
        string conversationId;
        if (string.IsNullOrEmpty(request.ConversationId)) conversationId = conversations.Start(owner);
        else if (request.ConversationId.Length <= 64 && conversations.TryGetHistory(request.ConversationId, owner, out history)) conversationId = request.ConversationId;
        else
        {
            return TypedResults.Problem(title: "Unknown conversation",
                detail: $"No conversation of yours has this id (conversations expire after {conversationOptions.Value.IdleExpiry.TotalMinutes:0} idle minutes and belong to the key that started them). Omit conversation_id to start a new one.",
                statusCode: StatusCodes.Status404NotFound);
        }

        try
        {
            var answer = await answers.AskAsync(request.Question, history,
                new AskOptions { Limit = request.Limit, QuotesOnly = request.QuotesOnly == true }, cancellationToken);
            conversations.Append(conversationId, owner, answer);
            return TypedResults.Ok(AskResponseDto.Of(answer, conversationId));
        }
        catch (ArgumentException e)
        {
            return TypedResults.Problem(title: "Invalid ask request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
