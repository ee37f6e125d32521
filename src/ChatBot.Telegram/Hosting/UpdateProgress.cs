namespace ChatBot.Telegram.Hosting;

/// <summary>A polling position: the offset, and the handled ids at or above it.</summary>
internal sealed record UpdateProgress(int? Offset, IReadOnlySet<int> Handled)
{
    public static UpdateProgress Empty { get; } = new(null, new HashSet<int>());
}
