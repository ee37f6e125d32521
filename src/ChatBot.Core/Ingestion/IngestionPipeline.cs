using System.Diagnostics;
using ChatBot.Chunking;
using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Storage;
using ChatBot.Text;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Ingestion;

/// <summary>
/// Files in, searchable documents out: read and parse (in parallel) -> chunk by turn -> embed (batched) -> write,
/// one document at a time. A file that cannot be parsed is reported and skipped; the rest goes in. A document
/// already stored in the same version with the same chunking and embedder is left alone, so re-running an
/// interrupted ingest only does the missing work. Not safe for two runs on one store at once.
/// </summary>
public sealed partial class IngestionPipeline
{
    private const int ParseBatch = 16;

    private readonly TranscriptReader _reader;
    private readonly TurnChunker _chunker;
    private readonly ITranscriptStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;
    private readonly ILogger _logger;
    private readonly IngestionOptions _options;

    /// <summary>Creates the pipeline; without <paramref name="embedder"/> chunks are stored without vectors (BM25 only).</summary>
    public IngestionPipeline(TranscriptReader reader, TurnChunker chunker, ITranscriptStore store,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null, ILogger<IngestionPipeline>? logger = null, IngestionOptions? options = null)
    {
        _options = options ?? new IngestionOptions();
        _reader = reader;
        _chunker = chunker;
        _store = store;
        _embedder = embedder;
        _logger = logger ?? NullLogger<IngestionPipeline>.Instance;
    }

    /// <summary>
    /// The settings a stored document must have been indexed with to count as current: chunking and embedder.
    /// </summary>
    public string IndexSignature
    {
        get
        {
            var meta = _embedder?.GetService<EmbeddingGeneratorMetadata>();
            var embedder = _embedder is null ? "none" : $"{meta?.DefaultModelId ?? _embedder.GetType().Name}/{meta?.DefaultModelDimensions}";
            return $"parsers/v{TranscriptReader.Version};{_chunker.Options.Signature};embedder={embedder};answers+questions";
        }
    }

    /// <summary>
    /// Every file under the given files and folders (folders recursively, hidden entries skipped), sorted. Links are
    /// followed, but each real folder and file is read once: a link back to a folder already read (a loop such as
    /// <c>ln -s . self</c>) is reported, not followed, and a file reached by two paths is taken once.
    /// </summary>
    public static (List<string> Files, List<SkippedFile> Missing) ExpandPaths(IEnumerable<string> paths, int maxFolderDepth = 64)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var realFiles = new HashSet<string>(StringComparer.Ordinal);
        var realFolders = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<SkippedFile>();
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };

        void AddFile(string path)
        {
            if (realFiles.Add(RealPath(path))) files.Add(path);
        }

        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                AddFile(full);
                continue;
            }

            if (!Directory.Exists(full))
            {
                problems.Add(new SkippedFile(full, null, "no such file or folder"));
                continue;
            }

            var pending = new Stack<(string Path, int Depth)>();
            pending.Push((full, 0));
            while (pending.TryPop(out var folder))
            {
                var real = RealPath(folder.Path);
                if (!realFolders.Add(real))
                {
                    if (folder.Path != full) problems.Add(new SkippedFile(folder.Path, null, $"a link to {real}, a folder already read (a link loop?): not followed again"));
                    continue;
                }

                if (folder.Depth > maxFolderDepth)
                {
                    problems.Add(new SkippedFile(folder.Path, null, $"nested more than {maxFolderDepth} folders deep (ChatBot:Ingest:MaxFolderDepth): not read"));
                    continue;
                }

                try
                {
                    foreach (var entry in new DirectoryInfo(folder.Path).EnumerateFileSystemInfos("*", options))
                    {
                        if (entry.Name.StartsWith('.')) continue;
                        if (entry is DirectoryInfo) pending.Push((entry.FullName, folder.Depth + 1));
                        else if (entry.LinkTarget is null || File.Exists(entry.FullName)) AddFile(entry.FullName);
                        else problems.Add(new SkippedFile(entry.FullName, null, $"a broken link (to {entry.LinkTarget})"));
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(new SkippedFile(folder.Path, null, "the folder cannot be read: " + e.Message));
                }
            }
        }

        return (files.ToList(), problems);
    }

    /// <summary>The path with every link in it resolved (the last component's chain of links followed to its end).</summary>
    private static string RealPath(string path)
    {
        try
        {
            var info = Directory.Exists(path) ? (FileSystemInfo)new DirectoryInfo(path) : new FileInfo(path);
            var parent = Path.GetDirectoryName(info.FullName);
            var realParent = parent is null ? null : RealPath(parent);
            var here = realParent is null ? info.FullName : Path.Combine(realParent, info.Name);
            var target = (Directory.Exists(here) ? (FileSystemInfo)new DirectoryInfo(here) : new FileInfo(here)).ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? here : Path.GetFullPath(target.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Path.GetFullPath(path);
        }
    }

    /// <summary>Ingests files and folders.</summary>
    public async Task<IngestionSummary> IngestAsync(IEnumerable<string> paths, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        long started = Stopwatch.GetTimestamp();
        await _store.InitializeAsync(cancellationToken);
        var (files, skipped) = ExpandPaths(paths, _options.MaxFolderDepth);
        var signature = IndexSignature;
        int written = 0, unchanged = 0, chunksWritten = 0, chunksEmbedded = 0, done = 0;

        for (int batchStart = 0; batchStart < files.Count; batchStart += ParseBatch)
        {
            var batch = files.Skip(batchStart).Take(ParseBatch).ToList();
            var parsed = new (TranscriptDocument? Document, SkippedFile? Error)[batch.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                (i, _) =>
                {
                    parsed[i] = Parse(batch[i]);
                    return ValueTask.CompletedTask;
                });

            // Decide what needs writing, then chunk and embed the whole batch in one call.
            var work = new List<(TranscriptDocument Document, List<Chunk> Chunks)>();
            for (int i = 0; i < batch.Count; i++)
            {
                var (document, error) = parsed[i];
                if (error is not null)
                {
                    skipped.Add(error);
                    LogSkipped(_logger, error.ToString());
                    continue;
                }

                var state = await _store.GetDocumentStateAsync(document!.Id, cancellationToken);
                if (state is not null && state.Version == document.ContentHash && state.IndexSignature == signature)
                {
                    unchanged++;
                    continue;
                }

                var chunks = _chunker.Chunk(document);
                if (chunks.Count > _options.MaxChunksPerDocument)
                {
                    var tooBig = new SkippedFile(document.Source, null,
                        $"{chunks.Count:N0} chunks, over the limit of {_options.MaxChunksPerDocument:N0} per document (ChatBot:Ingest:MaxChunksPerDocument); split the file or raise the limit");
                    skipped.Add(tooBig);
                    LogSkipped(_logger, tooBig.ToString());
                    continue;
                }

                work.Add((document, chunks));
            }

            var toEmbed = work.SelectMany(w => w.Chunks).ToList();
            var vectors = await EmbedAsync(toEmbed, embedded => progress?.Report(new IngestionProgress(done, files.Count, batch[^1]) { ChunksEmbedded = embedded, ChunksToEmbed = toEmbed.Count }), cancellationToken);
            chunksEmbedded += vectors.Embedded;
            int offset = 0;
            foreach (var (document, chunks) in work)
            {
                var indexed = chunks.Select((c, j) => new IndexedChunk(c, vectors.Vectors?[offset + j])).ToList();
                offset += chunks.Count;
                await _store.UpsertDocumentAsync(document, indexed, signature, cancellationToken);
                written++;
                chunksWritten += chunks.Count;
                LogWritten(_logger, document.Source, chunks.Count);
            }

            foreach (var file in batch) progress?.Report(new IngestionProgress(++done, files.Count, file));
        }

        // The store builds its search structures now (the embedded store clusters its vectors and caches the index
        // in a file), so the first search after an ingest, in this process or the next, does not pay for it.
        if (written > 0) await _store.PrepareSearchAsync(cancellationToken);

        return new IngestionSummary
        {
            Files = files.Count,
            DocumentsWritten = written,
            DocumentsUnchanged = unchanged,
            ChunksWritten = chunksWritten,
            ChunksEmbedded = chunksEmbedded,
            Skipped = skipped,
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
    }

    private (TranscriptDocument?, SkippedFile?) Parse(string path)
    {
        try
        {
            return (_reader.Read(path), null);
        }
        catch (TranscriptFormatException e)
        {
            return (null, new SkippedFile(e.Path, e.Line, e.Reason));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A parser bug on one odd file must not stop the run; it is reported like any bad input.
            return (null, new SkippedFile(path, null, $"could not be parsed: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>
    /// One vector per chunk. An answer's vector blends in the question it answers (the sum of the two unit vectors,
    /// renormalised): a journalist's question names the topic that the answer often only alludes to, which lifts
    /// paraphrased queries. The quote itself is still only the answer's words.
    /// </summary>
    private async Task<(ReadOnlyMemory<float>?[]? Vectors, int Embedded)> EmbedAsync(List<Chunk> chunks, Action<int> embeddedSoFar, CancellationToken ct)
    {
        if (_embedder is null || chunks.Count == 0) return (null, 0);
        var questions = chunks.Select(c => c.Question).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var texts = chunks.Select(c => c.Text).Concat(questions).ToList();
        var embeddings = new List<Embedding<float>>(texts.Count);
        int step = Math.Max(1, _options.EmbedBatchSize);
        for (int i = 0; i < texts.Count; i += step)
        {
            var part = await _embedder.GenerateAsync(texts.GetRange(i, Math.Min(step, texts.Count - i)), cancellationToken: ct);
            embeddings.AddRange(part);
            embeddedSoFar(Math.Min(chunks.Count, embeddings.Count));
        }

        if (embeddings.Count != texts.Count)
            throw new InvalidOperationException($"The embedder returned {embeddings.Count} vectors for {texts.Count} texts.");
        var questionVectors = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        for (int i = 0; i < questions.Count; i++) questionVectors[questions[i]] = embeddings[chunks.Count + i].Vector;

        var vectors = new ReadOnlyMemory<float>?[chunks.Count];
        for (int i = 0; i < chunks.Count; i++)
        {
            var vector = embeddings[i].Vector;
            if (chunks[i].Question is { } q && questionVectors.TryGetValue(q, out var qv))
            {
                var sum = new float[vector.Length];
                TensorPrimitives.Add(vector.Span, qv.Span, sum);
                vector = VectorMath.Normalize(sum);
            }

            vectors[i] = vector;
        }

        return (vectors, texts.Count);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Skipped {File}")]
    private static partial void LogSkipped(ILogger logger, string file);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Indexed {Source}: {Chunks} chunks")]
    private static partial void LogWritten(ILogger logger, string source, int chunks);
}
