using System.Text.Json.Serialization;

namespace ChatBot.Model;

/// <summary>What part a speaker plays in a transcript.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpeakerRole>))]
public enum SpeakerRole
{
    /// <summary>An official whose statements the transcript records (a minister, a press secretary, a head of delegation).</summary>
    [JsonStringEnumMemberName("principal")]
    Principal,

    /// <summary>A journalist's or audience member's question: never quoted as the official's words.</summary>
    [JsonStringEnumMemberName("question")]
    Question,

    /// <summary>Procedural voices: moderators, operators, interpreters, aides.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
