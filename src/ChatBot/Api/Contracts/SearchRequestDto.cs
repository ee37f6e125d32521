namespace ChatBot.Api.Contracts;

/// <summary>Body of <c>POST /api/search</c>.</summary>
/// <param name="Query">The question or keywords (1 to 1,000 characters).</param>
/// <param name="Limit">How many quotes (1 to 50; default from configuration).</param>
/// <param name="Speaker">Only this speaker ("Lavrov", "Jen Psaki").</param>
/// <param name="From">Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.</param>
/// <param name="To">Latest date: YYYY, YYYY-MM or YYYY-MM-DD.</param>
/// <param name="Roles">Roles to include: principal (default), question, other.</param>
/// <param name="Source">Only documents whose file path contains this text.</param>
public sealed record SearchRequestDto(string? Query, int? Limit = null, string? Speaker = null, string? From = null, string? To = null, IReadOnlyList<string>? Roles = null, string? Source = null);
