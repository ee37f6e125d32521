namespace ChatBot.Language;

/// <summary>A known name matched by a Cyrillic word.</summary>
/// <param name="Name">The known name as given.</param>
/// <param name="Word">The word of the name that matched.</param>
/// <param name="Distance">Edits between the two spelling skeletons.</param>
/// <param name="IsSurname">The matched word is the last of a name of several words.</param>
internal sealed record NameMatch(string Name, string Word, int Distance, bool IsSurname);
