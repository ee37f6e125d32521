using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ChatBot.Storage.Sqlite;

/// <summary>An API key as listed: never the key itself, which is shown once when created and stored only as a hash.</summary>
/// <param name="Id">Short public id (for <c>apikey revoke</c> and for binding conversations).</param>
/// <param name="Name">What the key is for.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="RevokedAt">When it was revoked, or null while it is valid.</param>
public sealed record ApiKeyInfo(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>
/// API keys in the store's SQLite file (table <c>api_keys</c>): each key is 32 random bytes, shown once, and kept
/// only as its SHA-256, so the file never holds a usable key. Thread-safe.
/// </summary>
public sealed class SqliteApiKeyStore
{
    /// <summary>Every key starts with this, so a leaked key is easy to recognise and redact.</summary>
    public const string Prefix = "cbk_";

    private readonly string _connectionString;

    /// <summary>Keys in the SQLite file at <paramref name="databasePath"/> (created when missing).</summary>
    public SqliteApiKeyStore(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>The file.</summary>
    public string DatabasePath { get; }

    /// <summary>Makes a key; returns its listing and the key itself (shown once, never stored).</summary>
    public (ApiKeyInfo Info, string Key) Create(string name)
    {
        var key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var info = new ApiKeyInfo(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), name, DateTimeOffset.UtcNow, null);
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO api_keys(id, hash, name, created_at) VALUES ($id, $hash, $name, $at)";
        cmd.Parameters.AddWithValue("$id", info.Id);
        cmd.Parameters.AddWithValue("$hash", Hash(key));
        cmd.Parameters.AddWithValue("$name", name);
        cmd.Parameters.AddWithValue("$at", info.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
        return (info, key);
    }

    /// <summary>Every key, newest first.</summary>
    public IReadOnlyList<ApiKeyInfo> List()
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY created_at DESC";
        using var reader = cmd.ExecuteReader();
        var keys = new List<ApiKeyInfo>();
        while (reader.Read())
        {
            keys.Add(new ApiKeyInfo(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
                reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
        }

        return keys;
    }

    /// <summary>Revokes a key by id; false when no valid key has that id.</summary>
    public bool Revoke(string id)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return cmd.ExecuteNonQuery() > 0;
    }

    /// <summary>The id of the valid key <paramref name="key"/> is, or null (unknown, revoked, malformed).</summary>
    public string? Verify(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 100) return null;
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id FROM api_keys WHERE hash = $hash AND revoked_at IS NULL";
        cmd.Parameters.AddWithValue("$hash", Hash(key));
        return cmd.ExecuteScalar() as string;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                PRAGMA busy_timeout = 10000;
                CREATE TABLE IF NOT EXISTS api_keys(id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
                """;
            cmd.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException($"The API key table in {DatabasePath} cannot be used ({e.Message.TrimEnd('.')}).", e);
        }
    }
}
