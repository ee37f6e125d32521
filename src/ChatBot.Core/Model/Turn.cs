namespace ChatBot.Model;

/// <summary>One speaker turn of a transcript.</summary>
/// <param name="Index">Position of the turn in the document, from 0.</param>
/// <param name="Speaker">The speaker's display name ("Sergey Lavrov", "Jen Psaki", "Question").</param>
/// <param name="Label">The label as written in the source ("Sergey Lavrov", "MS. PSAKI", "Q"), or null when the turn had none (opening remarks, a speech).</param>
/// <param name="Role">Principal, question or other.</param>
/// <param name="Start">Start of the turn's words (after the label) in <see cref="TranscriptDocument.Text"/>.</param>
/// <param name="End">End (exclusive) of the turn's words in <see cref="TranscriptDocument.Text"/>.</param>
/// <param name="Post">The speaker's office where the source gives it ("Minister for Foreign Affairs").</param>
public sealed record Turn(int Index, string Speaker, string? Label, SpeakerRole Role, int Start, int End, string? Post = null)
{
    /// <summary>Length of the turn's words in characters.</summary>
    public int Length => End - Start;
}
