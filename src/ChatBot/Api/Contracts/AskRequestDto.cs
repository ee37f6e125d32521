namespace ChatBot.Api.Contracts;

/// <summary>Body of <c>POST /api/ask</c>.</summary>
/// <param name="Question">The question (1 to 1,000 characters).</param>
/// <param name="ConversationId">Continue a conversation (follow-ups like "And about Syria?"): an id this server issued to the same API key; a new one is started when absent.</param>
/// <param name="Limit">Most quotes to cite (1 to 10; default 3).</param>
/// <param name="QuotesOnly">Skip the language model even when one is configured.</param>
public sealed record AskRequestDto(string? Question, string? ConversationId = null, int? Limit = null, bool? QuotesOnly = null);
