using ChatBot.Model;

namespace ChatBot.Parsing;

/// <summary>
/// Turns one source format into a <see cref="TranscriptDocument"/>. Implementations are stateless or
/// internally synchronised: one instance parses many files, possibly in parallel.
/// </summary>
public interface ITranscriptParser
{
    /// <summary>Short name of the format, stored with each document.</summary>
    string Format { get; }

    /// <summary>Whether the file looks like this format (cheap: path and first characters).</summary>
    bool CanParse(SourceFile file);

    /// <summary>Parses the file.</summary>
    /// <exception cref="TranscriptFormatException">The file is of this format but malformed.</exception>
    TranscriptDocument Parse(SourceFile file);
}
