namespace ChatBot.Text;

/// <summary>Who a reporting cue says is speaking, as <see cref="SpeakerPhrase"/> reads it.</summary>
internal enum SpeakerKind
{
    /// <summary>No person found: no subject, a passive ("it is said"), or a document ("the report says").</summary>
    None,

    /// <summary>A name or a title ("President Putin", "the Secretary-General", "my colleague").</summary>
    Named,

    /// <summary>A third-person pronoun or an unnamed group ("he", "they", "some").</summary>
    ThirdPerson,

    /// <summary>"you": in a Q&amp;A, usually the journalist asking.</summary>
    Listener,

    /// <summary>The speaker ("I", "we"): their own earlier words, not relayed speech.</summary>
    Self,

    /// <summary>A negated or hypothetical cue ("he never said that", "you would say"): the words are nobody's.</summary>
    Negated,
}
