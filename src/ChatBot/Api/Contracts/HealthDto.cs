namespace ChatBot.Api.Contracts;

/// <summary>Service health: the store and what it holds, and the ranking in use.</summary>
public sealed record HealthDto(string Status, string Store, int Documents, int Chunks, string Embedder);
