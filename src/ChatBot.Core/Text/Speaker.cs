namespace ChatBot.Text;

/// <summary>The speaker a cue names: its kind and, for a named one, where the name is.</summary>
internal readonly record struct Speaker(SpeakerKind Kind, TextSpan Name = default)
{
    public static Speaker Nobody => new(SpeakerKind.None);

    /// <summary>Whether the words belong to someone other than the speaker.</summary>
    public bool IsOther => Kind is SpeakerKind.Named or SpeakerKind.ThirdPerson or SpeakerKind.Listener;

    /// <summary>The name as written (a trailing possessive dropped), or null for pronouns and nobody.</summary>
    public string? NameIn(string text)
    {
        if (Kind != SpeakerKind.Named) return null;
        var name = Name.Of(text);
        if (name.EndsWith('.') && !name.EndsWith(" Jr.", StringComparison.Ordinal)) name = name[..^1];
        return SpeakerPhrase.WithoutPossessive(name);
    }
}
