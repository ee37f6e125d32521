using ChatBot.Answering;

namespace ChatBot.Api.Contracts;

/// <summary>
/// An answer. <c>answer</c> cites <c>quotes</c> as [1], [2]...; each quote has the fields of a search result and is
/// verbatim. <c>mode</c> says whether the text is quotes only (extractive) or a model's checked prose (llm).
/// </summary>
public sealed record AskResponseDto(
    string Question, string Answer, string Mode, bool Refused, IReadOnlyList<QuoteDto> Quotes,
    string ConversationId, string StandaloneQuestion, int DocumentsSearched, string? Notice)
{
    /// <summary>Maps an answer.</summary>
    public static AskResponseDto Of(Answer a, string conversationId) => new(
        a.Question, a.Text, a.Mode == AnswerMode.Llm ? "llm" : "extractive", a.Refused, a.Quotes.Select(QuoteDto.Of).ToList(),
        conversationId, a.StandaloneQuestion, a.DocumentsSearched, a.Notice);
}
