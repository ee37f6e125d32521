namespace ChatBot.Api.Contracts;

/// <summary>A speaker turn: the words are the document's text from <c>start</c> to <c>end</c>.</summary>
public sealed record TurnDto(int Index, string Speaker, string? Label, string Role, int Start, int End, string? Post);
