namespace ChatBot.Ingestion;

/// <summary>What an ingest run did.</summary>
public sealed record IngestionSummary
{
    /// <summary>Files looked at.</summary>
    public int Files { get; init; }

    /// <summary>Documents written (new or changed).</summary>
    public int DocumentsWritten { get; init; }

    /// <summary>Documents already stored in this version, left alone.</summary>
    public int DocumentsUnchanged { get; init; }

    /// <summary>Chunks written.</summary>
    public int ChunksWritten { get; init; }

    /// <summary>Chunks embedded (fewer than written when the cache held some).</summary>
    public int ChunksEmbedded { get; init; }

    /// <summary>Files not ingested, with the reason.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>Wall-clock time.</summary>
    public TimeSpan Elapsed { get; init; }
}

/// <summary>A file left out of the index and why.</summary>
/// <param name="Path">The file.</param>
/// <param name="Line">1-based line of the problem, when it has one.</param>
/// <param name="Reason">What is wrong.</param>
public sealed record SkippedFile(string Path, int? Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => Line is int l ? $"{Path}:{l}: {Reason}" : $"{Path}: {Reason}";
}

/// <summary>Progress of an ingest run.</summary>
/// <param name="Done">Files finished.</param>
/// <param name="Total">Files in the run.</param>
/// <param name="Current">The file just finished.</param>
public readonly record struct IngestionProgress(int Done, int Total, string Current)
{
    /// <summary>Passages of the current batch embedded so far (0 when nothing is being embedded).</summary>
    public int ChunksEmbedded { get; init; }

    /// <summary>Passages the current batch has to embed.</summary>
    public int ChunksToEmbed { get; init; }
}
