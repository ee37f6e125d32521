using System.Text.Json.Serialization;

namespace ChatBot.Model;

/// <summary>What the link of a <see cref="Citation"/> leads to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CitationLinkKind>))]
public enum CitationLinkKind
{
    /// <summary>The published transcript itself (a White House briefing page, a mid.ru page).</summary>
    [JsonStringEnumMemberName("source")]
    Source,

    /// <summary>
    /// A stable reference page about the statement, not the stored text: the UN General Debate page of the session
    /// and country, which carries the video, a summary and the statement as delivered.
    /// </summary>
    [JsonStringEnumMemberName("reference")]
    Reference,
}
