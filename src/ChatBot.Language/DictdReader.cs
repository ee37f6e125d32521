using System.IO.Compression;
using System.Text;

namespace ChatBot.Language;

/// <summary>
/// Reads a dictionary in dictd format: <c>NAME.index</c> (headword, offset and length in dictd's base-64 digits, one
/// entry a line) and <c>NAME.dict.dz</c> (dictzip, which is gzip) or <c>NAME.dict</c>.
/// </summary>
internal static class DictdReader
{
    private const string Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>True when both files of the dictionary at <paramref name="basePath"/> exist.</summary>
    public static bool Exists(string basePath) =>
        File.Exists(basePath + ".index") && (File.Exists(basePath + ".dict.dz") || File.Exists(basePath + ".dict"));

    /// <summary>Every entry (headword, article text) in index order, the dictionary's own "00-database" entries left out.</summary>
    public static IEnumerable<(string Headword, string Article)> ReadEntries(string basePath)
    {
        byte[] data;
        if (File.Exists(basePath + ".dict.dz"))
        {
            using var file = File.OpenRead(basePath + ".dict.dz");
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            data = buffer.ToArray();
        }
        else
        {
            data = File.ReadAllBytes(basePath + ".dict");
        }

        foreach (var line in File.ReadLines(basePath + ".index", Encoding.UTF8))
        {
            var fields = line.Split('\t');
            if (fields.Length < 3 || fields[0].StartsWith("00-database", StringComparison.Ordinal) || fields[0].StartsWith("00database", StringComparison.Ordinal))
            {
                continue;
            }

            var offset = Decode(fields[1]);
            var length = Decode(fields[2]);
            if (offset < 0 || length <= 0 || offset + length > data.Length)
            {
                continue;
            }

            yield return (fields[0], Encoding.UTF8.GetString(data, (int)offset, (int)length));
        }
    }

    private static long Decode(string digits)
    {
        long value = 0;
        foreach (var c in digits)
        {
            var d = Digits.IndexOf(c, StringComparison.Ordinal);
            if (d < 0)
            {
                return -1;
            }

            value = (value * 64) + d;
        }

        return value;
    }
}
