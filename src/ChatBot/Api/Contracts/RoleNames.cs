using ChatBot.Model;

namespace ChatBot.Api.Contracts;

/// <summary>Role names on the wire.</summary>
public static class RoleNames
{
    /// <summary>"principal", "question" or "other".</summary>
    public static string Of(SpeakerRole role) => role switch
    {
        SpeakerRole.Principal => "principal",
        SpeakerRole.Question => "question",
        _ => "other",
    };

    /// <summary>Parses a role name; null when unknown.</summary>
    public static SpeakerRole? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "principal" => SpeakerRole.Principal,
        "question" => SpeakerRole.Question,
        "other" => SpeakerRole.Other,
        _ => null,
    };
}
