using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Parsing;

/// <summary>Stable ids: a document's from its full source path, a chunk's from its document, version and position.</summary>
public static class DocumentIds
{
    /// <summary>16 hex characters of the SHA-256 of the full path.</summary>
    public static string ForPath(string fullPath) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(fullPath)), 8);

    /// <summary>A GUID-shaped id (usable as a Qdrant point id) for chunk <paramref name="ordinal"/> of a document version.</summary>
    public static Guid ForChunk(string documentId, string version, int ordinal)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{documentId}\n{version}\n{ordinal}"));
        return new Guid(bytes.AsSpan(0, 16));
    }

    /// <summary>Lower-case hex SHA-256 of some bytes.</summary>
    public static string ContentHash(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes), 32);

    private static string Hex(byte[] hash, int bytes) => Convert.ToHexStringLower(hash.AsSpan(0, bytes));
}
