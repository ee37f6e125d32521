using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ChatBot.Embeddings;

/// <summary>
/// The SentencePiece unigram tokenizer of the Universal Sentence Encoder lite: NFKC normalisation,
/// <c>▁</c> (U+2581) in front of the text and in place of every space, then a Viterbi segmentation
/// over the piece scores of <c>vocab.json</c>.
/// </summary>
/// <remarks>
/// <para>
/// The segmentation reproduces the reference TensorFlow.js tokenizer the model was published with,
/// including its quirks, because the model was trained and validated against exactly these ids:
/// only U+0020 becomes <c>▁</c> (a run of spaces gives one <c>▁</c> per space; tabs and newlines are
/// unknown symbols); ids 0-5 are reserved and never produced from text except id 0, the unknown
/// symbol, which stands for one code point that no piece covers; consecutive unknowns collapse into one
/// id 0; ties between segmentations go to the later-starting (shorter) last piece; a piece whose score
/// is <c>null</c> in <c>vocab.json</c> counts as score 0. Token ids are the piece's index in
/// <c>vocab.json</c>.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class SentencePieceTokenizer
{
    /// <summary>The number of tokens the encoder reads; <see cref="Encode"/> clips to this length.</summary>
    public const int MaxTokens = 128;

    /// <summary>The id of the unknown symbol.</summary>
    public const int UnknownId = 0;

    private const int ReservedCount = 6;
    private const char WordBoundary = '\u2581';

    // Trie over code points: node -> (code point -> child) edges in one dictionary keyed by (node, code point).
    private readonly Dictionary<long, int> _edges;
    private readonly int[] _nodePieceId;       // -1 when no piece ends at the node
    private readonly double[] _nodePieceScore;
    private readonly int[] _pieceLength;        // UTF-16 length of each piece, used when walking back

    private SentencePieceTokenizer(Dictionary<long, int> edges, int[] nodePieceId, double[] nodePieceScore, int[] pieceLength)
    {
        _edges = edges;
        _nodePieceId = nodePieceId;
        _nodePieceScore = nodePieceScore;
        _pieceLength = pieceLength;
    }

    /// <summary>Gets the number of pieces in the vocabulary (including the reserved ones).</summary>
    public int VocabularySize => _pieceLength.Length;

    /// <summary>Loads the vocabulary from a <c>vocab.json</c> file (an array of <c>[piece, score]</c> pairs).</summary>
    /// <param name="vocabularyPath">Path of <c>vocab.json</c>.</param>
    /// <returns>The tokenizer.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a vocabulary of <c>[piece, score]</c> pairs.</exception>
    public static SentencePieceTokenizer Load(string vocabularyPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vocabularyPath);
        if (!File.Exists(vocabularyPath))
        {
            throw new FileNotFoundException($"The tokenizer vocabulary '{vocabularyPath}' does not exist.", vocabularyPath);
        }

        using var stream = File.OpenRead(vocabularyPath);
        return Load(stream);
    }

    /// <summary>Loads the vocabulary from a stream holding <c>vocab.json</c>.</summary>
    /// <param name="vocabularyJson">The JSON stream; it is read to the end but not disposed.</param>
    /// <returns>The tokenizer.</returns>
    /// <exception cref="InvalidDataException">The JSON is not a vocabulary of <c>[piece, score]</c> pairs.</exception>
    public static SentencePieceTokenizer Load(Stream vocabularyJson)
    {
        ArgumentNullException.ThrowIfNull(vocabularyJson);
        var pieces = new List<(string Piece, double Score)>(8192);
        try
        {
            using var document = JsonDocument.Parse(vocabularyJson);
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                var piece = entry[0].GetString() ?? throw new InvalidDataException("A vocabulary piece is null.");
                var scoreElement = entry[1];
                // The published vocabulary has a few null scores (pieces with ':'); the reference
                // runtime adds them as 0, so they count as 0 here too.
                double score = scoreElement.ValueKind == JsonValueKind.Number ? scoreElement.GetDouble() : 0d;
                pieces.Add((piece, score));
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InvalidDataException("The tokenizer vocabulary is not a JSON array of [piece, score] pairs.", ex);
        }

        if (pieces.Count <= ReservedCount)
        {
            throw new InvalidDataException($"The tokenizer vocabulary has {pieces.Count} pieces; expected thousands.");
        }

        return Build(pieces);
    }

    private static SentencePieceTokenizer Build(List<(string Piece, double Score)> pieces)
    {
        var edges = new Dictionary<long, int>(pieces.Count * 4);
        var nodeIds = new List<int> { -1 };
        var nodeScores = new List<double> { 0d };
        var lengths = new int[pieces.Count];
        for (int id = 0; id < pieces.Count; id++)
        {
            lengths[id] = pieces[id].Piece.Length;
        }

        for (int id = ReservedCount; id < pieces.Count; id++)
        {
            var (piece, score) = pieces[id];
            if (piece.Length == 0)
            {
                continue;
            }

            int node = 0;
            foreach (var rune in piece.EnumerateRunes())
            {
                long key = EdgeKey(node, rune.Value);
                if (!edges.TryGetValue(key, out int child))
                {
                    child = nodeIds.Count;
                    nodeIds.Add(-1);
                    nodeScores.Add(0d);
                    edges.Add(key, child);
                }

                node = child;
            }

            // A repeated piece keeps the last id and score, as the reference trie does.
            nodeIds[node] = id;
            nodeScores[node] = score;
        }

        return new SentencePieceTokenizer(edges, nodeIds.ToArray(), nodeScores.ToArray(), lengths);
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/> and returns at most <see cref="MaxTokens"/> ids: the ids the
    /// encoder actually reads (longer input is clipped, as the model does).
    /// </summary>
    /// <param name="text">The text; empty text gives no tokens.</param>
    /// <returns>The first <see cref="MaxTokens"/> token ids.</returns>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EncodeCore(text, MaxTokens);
    }

    /// <summary>
    /// Counts the tokens of <paramref name="text"/> without clipping, so callers sizing chunks can tell
    /// how far past <see cref="MaxTokens"/> a text goes (everything after the first
    /// <see cref="MaxTokens"/> tokens is ignored by the encoder).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The full (unclipped) number of tokens.</returns>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EncodeCore(text, int.MaxValue).Length;
    }

    /// <summary>Tokenizes without clipping (all ids, as the reference tokenizer returns them).</summary>
    internal int[] EncodeUnclipped(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EncodeCore(text, int.MaxValue);
    }

    private int[] EncodeCore(string text, int maxTokens)
    {
        string normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return [];
        }

        // Symbols are code points of "▁" + text with every U+0020 replaced by "▁".
        int capacity = normalized.Length + 2;
        int[] symbolBuffer = ArrayPool<int>.Shared.Rent(capacity);
        double[] bestBuffer = ArrayPool<double>.Shared.Rent(capacity);
        int[] wordBuffer = ArrayPool<int>.Shared.Rent(capacity);
        try
        {
            int count = ToSymbols(normalized, symbolBuffer);
            Span<int> symbols = symbolBuffer.AsSpan(0, count);
            Span<double> best = bestBuffer.AsSpan(0, count + 1);
            Span<int> words = wordBuffer.AsSpan(0, count + 1);
            best.Clear();
            words.Clear();
            Segment(symbols, best, words);
            return WalkBack(words, count, maxTokens);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(symbolBuffer);
            ArrayPool<double>.Shared.Return(bestBuffer);
            ArrayPool<int>.Shared.Return(wordBuffer);
        }
    }

    // Forward Viterbi. Candidates for an end position are visited in ascending start order (start
    // positions are processed left to right), which is the reference's order, and a candidate replaces
    // the current best when the best is still 0 (the reference's "unset" marker) or is not better.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Segment(ReadOnlySpan<int> symbols, Span<double> best, Span<int> words)
    {
        for (int start = 0; start < symbols.Length; start++)
        {
            double prefix = best[start];
            bool matched = false;
            int node = 0;
            for (int end = start; end < symbols.Length; end++)
            {
                if (!_edges.TryGetValue(EdgeKey(node, symbols[end]), out node))
                {
                    break;
                }

                int id = _nodePieceId[node];
                if (id < 0)
                {
                    continue;
                }

                matched = true;
                Offer(best, words, end + 1, _nodePieceScore[node] + prefix, id);
            }

            if (!matched)
            {
                // No piece starts here: one unknown symbol with score 0.
                Offer(best, words, start + 1, prefix, UnknownId);
            }
        }
    }

    private static void Offer(Span<double> best, Span<int> words, int end, double score, int id)
    {
        if (best[end] == 0d || score >= best[end])
        {
            best[end] = score;
            words[end] = id;
        }
    }

    private int[] WalkBack(ReadOnlySpan<int> words, int count, int maxTokens)
    {
        var reversed = new List<int>(Math.Min(count, 1024));
        int position = count;
        while (position > 0)
        {
            int id = words[position];
            reversed.Add(id);
            position -= _pieceLength[id];
        }

        // Collapse runs of unknowns, then restore reading order.
        var merged = new List<int>(reversed.Count);
        bool previousUnknown = false;
        foreach (int id in reversed)
        {
            if (!(previousUnknown && id == UnknownId))
            {
                merged.Add(id);
            }

            previousUnknown = id == UnknownId;
        }

        merged.Reverse();
        int length = Math.Min(merged.Count, maxTokens);
        return length == merged.Count ? [.. merged] : merged.GetRange(0, length).ToArray();
    }

    private static int ToSymbols(string normalized, int[] symbols)
    {
        int count = 0;
        symbols[count++] = WordBoundary;
        int index = 0;
        while (index < normalized.Length)
        {
            char ch = normalized[index];
            if (char.IsHighSurrogate(ch) && index + 1 < normalized.Length && char.IsLowSurrogate(normalized[index + 1]))
            {
                symbols[count++] = char.ConvertToUtf32(ch, normalized[index + 1]);
                index += 2;
                continue;
            }

            // A lone surrogate stays one symbol (it matches no piece and becomes an unknown).
            symbols[count++] = ch == ' ' ? WordBoundary : ch;
            index++;
        }

        return count;
    }

    private static string Normalize(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Ill-formed UTF-16 (lone surrogates): those code units become U+FFFD, which is unknown
            // to the vocabulary exactly as the lone surrogate would have been.
            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char ch = text[i];
                if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(ch).Append(text[++i]);
                }
                else
                {
                    builder.Append(char.IsSurrogate(ch) ? '\uFFFD' : ch);
                }
            }

            return builder.ToString().Normalize(NormalizationForm.FormKC);
        }
    }

    private static long EdgeKey(int node, int codePoint) => ((long)node << 21) | (uint)codePoint;
}
