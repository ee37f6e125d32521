using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ChatBot.Storage.Sqlite;

/// <summary>
/// Where a <see cref="DenseIndex"/> comes from: the chunks table (the truth), or the index file beside the
/// database (<c>chatbot.vectors</c>), a cache of the built index that a new process reads in one pass instead of
/// reading every vector from SQLite and clustering again. The file names the store (its <c>store_id</c>) and the
/// generation it was built from, and ends with a SHA-256 of everything before it (header, ids, filters, clusters and
/// vectors); any other store or generation, a checksum that does not match, a truncated file or an unknown format is
/// ignored and the index is rebuilt from SQLite. It is written to a temporary file and renamed into place, so a reader never
/// sees half a file.
/// </summary>
internal static class DenseIndexFile
{
    private const int Magic = 0x58564243; // "CBVX"
    private const int FormatVersion = 2;
    private const int ChecksumBytes = 32;
    private const int Trailer = 0x21444E45; // "END!"

    /// <summary>Reads every stored vector with the columns filters need, in one read transaction (a consistent snapshot).</summary>
    public static async Task<DenseRows> ReadRowsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        int capacity, dimensions;
        await using (var count = connection.CreateCommand())
        {
            count.Transaction = transaction;
            count.CommandText = "SELECT COUNT(*), MAX(length(vector)) FROM chunks WHERE vector IS NOT NULL";
            await using var r = await count.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            capacity = r.GetInt32(0);
            dimensions = r.IsDBNull(1) ? 0 : r.GetInt32(1);
        }

        var rowIds = new long[capacity];
        var vectors = new sbyte[(long)capacity * dimensions];
        var roles = new byte[capacity];
        var speakers = new int[capacity];
        var documents = new int[capacity];
        var dateFrom = new int[capacity];
        var dateTo = new int[capacity];
        var speakerIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentIds = new Dictionary<string, int>(StringComparer.Ordinal);
        int n = 0;

        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT rowid, role, speaker, document_id, date_from, date_to, vector FROM chunks WHERE vector IS NOT NULL";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (n < capacity && await reader.ReadAsync(ct))
        {
            var blob = (byte[])reader.GetValue(6);
            if (blob.Length != dimensions) continue;
            MemoryMarshal.Cast<byte, sbyte>(blob.AsSpan()).CopyTo(vectors.AsSpan(n * dimensions, dimensions));
            rowIds[n] = reader.GetInt64(0);
            roles[n] = (byte)SqliteTranscriptStore.ParseRole(reader.GetString(1));
            speakers[n] = Intern(speakerIds, reader.GetString(2));
            documents[n] = Intern(documentIds, reader.GetString(3));
            dateFrom[n] = reader.IsDBNull(4) ? int.MaxValue : reader.GetInt32(4); // undated: never inside a date range
            dateTo[n] = reader.IsDBNull(5) ? int.MinValue : reader.GetInt32(5);
            n++;
        }

        if (n < capacity)
        {
            Array.Resize(ref rowIds, n);
            Array.Resize(ref vectors, n * dimensions);
            Array.Resize(ref roles, n);
            Array.Resize(ref speakers, n);
            Array.Resize(ref documents, n);
            Array.Resize(ref dateFrom, n);
            Array.Resize(ref dateTo, n);
        }

        return new DenseRows(dimensions, rowIds, vectors, roles, speakers, documents, dateFrom, dateTo, Names(speakerIds), Names(documentIds));
    }

    /// <summary>Writes the index to <paramref name="path"/> (through a temporary file renamed into place).</summary>
    public static void Write(string path, DenseIndex index)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var rows = index.Rows;
                var header = new MemoryStream();
                using (var writer = new BinaryWriter(header, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(Magic);
                    writer.Write(FormatVersion);
                    writer.Write(index.StoreId);
                    writer.Write(index.Generation);
                    writer.Write(index.Count);
                    writer.Write(rows.Dimensions);
                    writer.Write(index.TrainedCount);
                    writer.Write(index.Centroids?.Length ?? 0);
                    writer.Write(index.ListStarts.Length);
                    writer.Write(rows.SpeakerNames.Length);
                    foreach (var s in rows.SpeakerNames) writer.Write(s);
                    writer.Write(rows.DocumentNames.Length);
                    foreach (var s in rows.DocumentNames) writer.Write(s);
                }

                Hashed(stream, hash, header.GetBuffer().AsSpan(0, (int)header.Length));
                WriteArray(stream, hash, index.Centroids ?? []);
                WriteArray(stream, hash, index.ListStarts);
                WriteArray(stream, hash, rows.RowIds);
                WriteArray(stream, hash, rows.Roles);
                WriteArray(stream, hash, rows.Speakers);
                WriteArray(stream, hash, rows.Documents);
                WriteArray(stream, hash, rows.DateFrom);
                WriteArray(stream, hash, rows.DateTo);
                WriteArray(stream, hash, rows.Vectors);
                stream.Write(hash.GetHashAndReset());
                stream.Write(BitConverter.GetBytes(Trailer));
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>
    /// The index in <paramref name="path"/> when it was built from this store's <paramref name="generation"/>;
    /// otherwise null, with the reason (missing, stale, another store, damaged).
    /// </summary>
    public static DenseIndex? TryRead(string path, string storeId, long generation, DenseIndexOptions options, out string reason)
    {
        if (!File.Exists(path))
        {
            reason = "no index file";
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            var header = ReadHeader(reader, storeId, out reason);
            if (header is null) return null;
            var h = header.Value;
            if (h.Generation != generation)
            {
                reason = $"built from generation {h.Generation}, the store is at {generation}";
                return null;
            }

            var speakers = ReadNames(reader);
            var documents = ReadNames(reader);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long headerLength = stream.Position;
            stream.Position = 0;
            var headerBytes = new byte[headerLength];
            stream.ReadExactly(headerBytes);
            hash.AppendData(headerBytes);
            var centroids = ReadArray<float>(stream, hash, h.CentroidValues);
            var listStarts = ReadArray<int>(stream, hash, h.ListStarts);
            var rowIds = ReadArray<long>(stream, hash, h.Count);
            var roles = ReadArray<byte>(stream, hash, h.Count);
            var speakerOf = ReadArray<int>(stream, hash, h.Count);
            var documentOf = ReadArray<int>(stream, hash, h.Count);
            var dateFrom = ReadArray<int>(stream, hash, h.Count);
            var dateTo = ReadArray<int>(stream, hash, h.Count);
            var vectors = ReadArray<sbyte>(stream, hash, (long)h.Count * h.Dimensions);
            var checksum = new byte[ChecksumBytes];
            stream.ReadExactly(checksum);
            if (reader.ReadInt32() != Trailer || stream.Position != stream.Length)
            {
                reason = "the index file is damaged (truncated or extended)";
                return null;
            }

            if (!CryptographicOperations.FixedTimeEquals(checksum, hash.GetHashAndReset()))
            {
                reason = "the index file is damaged (its SHA-256 checksum does not match its contents)";
                return null;
            }

            if (speakerOf.Any(s => (uint)s >= (uint)speakers.Length) || documentOf.Any(s => (uint)s >= (uint)documents.Length) || roles.Any(r => r > 2)
                || (h.CentroidValues > 0 && !ValidLists(listStarts, h.CentroidValues, h.Dimensions, h.Count)))
            {
                reason = "the index file is inconsistent";
                return null;
            }

            var rows = new DenseRows(h.Dimensions, rowIds, vectors, roles, speakerOf, documentOf, dateFrom, dateTo, speakers, documents);
            reason = "";
            return new DenseIndex(storeId, generation, rows, h.CentroidValues > 0 ? centroids : null, listStarts, h.TrainedCount, options);
        }
        catch (Exception e) when (Unreadable(e))
        {
            reason = $"the index file could not be read ({e.GetType().Name}: {e.Message})";
            return null;
        }
    }

    /// <summary>The centroids in an index file of this store, whatever its generation, to cluster a changed store the same way.</summary>
    public static (float[] Centroids, int TrainedCount)? TryReadCentroids(string path, string storeId, int dimensions)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (ReadHeader(reader, storeId, out _) is not { } h || h.Dimensions != dimensions || h.CentroidValues == 0) return null;
            ReadNames(reader);
            ReadNames(reader);
            return (ReadArray<float>(stream, null, h.CentroidValues), h.TrainedCount);
        }
        catch (Exception e) when (Unreadable(e))
        {
            return null;
        }
    }

    /// <summary>One start per cluster plus the end, from 0 to the row count, never decreasing.</summary>
    private static bool ValidLists(int[] starts, int centroidValues, int dimensions, int count)
    {
        if (dimensions == 0 || centroidValues % dimensions != 0 || starts.Length != centroidValues / dimensions + 1) return false;
        if (starts[0] != 0 || starts[^1] != count) return false;
        for (int i = 1; i < starts.Length; i++) if (starts[i] < starts[i - 1]) return false;
        return true;
    }

    /// <summary>What a damaged or unreadable file throws (a short file, bad lengths, bad string encoding, no access).</summary>
    private static bool Unreadable(Exception e) =>
        e is IOException or FormatException or UnauthorizedAccessException or OverflowException or OutOfMemoryException or ArgumentException or DecoderFallbackException;

    private static (long Generation, int Count, int Dimensions, int TrainedCount, int CentroidValues, int ListStarts)? ReadHeader(BinaryReader reader, string storeId, out string reason)
    {
        if (!BitConverter.IsLittleEndian || reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            reason = "not an index file of this format";
            return null;
        }

        if (reader.ReadString() != storeId)
        {
            reason = "the index file belongs to another store";
            return null;
        }

        long generation = reader.ReadInt64();
        int count = reader.ReadInt32(), dimensions = reader.ReadInt32(), trained = reader.ReadInt32(), centroidValues = reader.ReadInt32(), listStarts = reader.ReadInt32();
        if (count < 0 || dimensions < 0 || centroidValues < 0 || listStarts < 0)
        {
            reason = "the index file is damaged";
            return null;
        }

        reason = "";
        return (generation, count, dimensions, trained, centroidValues, listStarts);
    }

    private static string[] ReadNames(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count < 0) throw new EndOfStreamException("negative name count");
        var names = new string[count];
        for (int i = 0; i < count; i++) names[i] = reader.ReadString();
        return names;
    }

    private static void WriteArray<T>(Stream stream, IncrementalHash hash, T[] values) where T : unmanaged => Hashed(stream, hash, MemoryMarshal.AsBytes(values.AsSpan()));

    private static void Hashed(Stream stream, IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        hash.AppendData(bytes);
        stream.Write(bytes);
    }

    private static T[] ReadArray<T>(Stream stream, IncrementalHash? hash, long count) where T : unmanaged
    {
        if (count > Array.MaxLength || count * Marshal.SizeOf<T>() > stream.Length - stream.Position)
            throw new EndOfStreamException("the index file is shorter than its header says");
        var values = new T[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        stream.ReadExactly(bytes);
        hash?.AppendData(bytes);
        return values;
    }

    private static int Intern(Dictionary<string, int> ids, string value)
    {
        if (!ids.TryGetValue(value, out int id)) ids[value] = id = ids.Count;
        return id;
    }

    private static string[] Names(Dictionary<string, int> ids)
    {
        var names = new string[ids.Count];
        foreach (var (name, id) in ids) names[id] = name;
        return names;
    }
}
