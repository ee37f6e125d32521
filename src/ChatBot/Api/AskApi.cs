using ChatBot.Answering;
using ChatBot.Api.Contracts;
using ChatBot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
            .WithDescription("Extractive by default (quotes under a neutral lead); with a chat model configured, prose whose every quote is checked against its cited passage. Pass conversation_id back for follow-ups.");
        return app;
    }

    /// <summary>Answers a question.</summary>
    public static async Task<Results<Ok<AskResponseDto>, ProblemHttpResult>> AskAsync(
        [FromBody] AskRequestDto request, IAnswerService answers, ConversationStore conversations, CancellationToken cancellationToken)
    {
        if (request.Question is null)
            return TypedResults.Problem(title: "Invalid ask request", detail: "The body needs a \"question\".", statusCode: StatusCodes.Status400BadRequest);
        if (request.ConversationId is { Length: > 100 })
            return TypedResults.Problem(title: "Invalid ask request", detail: "The conversation_id is longer than 100 characters.", statusCode: StatusCodes.Status400BadRequest);
        var conversationId = string.IsNullOrWhiteSpace(request.ConversationId) ? Guid.NewGuid().ToString("N") : request.ConversationId;
        try
        {
            var answer = await answers.AskAsync(request.Question, conversations.History(conversationId),
                new AskOptions { Limit = request.Limit, QuotesOnly = request.QuotesOnly == true }, cancellationToken);
            conversations.Append(conversationId, answer);
            return TypedResults.Ok(AskResponseDto.Of(answer, conversationId));
        }
        catch (ArgumentException e)
        {
            return TypedResults.Problem(title: "Invalid ask request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
