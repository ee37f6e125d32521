namespace ChatBot.Storage.Sqlite;

/// <summary>
/// The embedded store's tables. Dates are integers yyyymmdd so range filters compare numbers; vectors are unit
/// vectors as one signed byte a component (<see cref="Int8Vectors"/>).
/// </summary>
internal static class Schema
{
    public static readonly string[] Statements =
    [
        """
        CREATE TABLE documents(
          id TEXT PRIMARY KEY,
          version TEXT NOT NULL,
          signature TEXT NOT NULL,
          title TEXT NOT NULL,
          date TEXT,
          year INTEGER,
          date_from INTEGER,
          date_to INTEGER,
          place TEXT,
          url TEXT,
          source TEXT NOT NULL,
          format TEXT NOT NULL,
          text TEXT NOT NULL,
          text_offset INTEGER NOT NULL,
          turns TEXT NOT NULL,
          turn_count INTEGER NOT NULL,
          chunk_count INTEGER NOT NULL,
          ingested_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE chunks(
          rowid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          document_id TEXT NOT NULL,
          version TEXT NOT NULL,
          ordinal INTEGER NOT NULL,
          turn_index INTEGER NOT NULL,
          start INTEGER NOT NULL,
          end INTEGER NOT NULL,
          text TEXT NOT NULL,
          speaker TEXT NOT NULL,
          role TEXT NOT NULL,
          post TEXT,
          question TEXT,
          date_from INTEGER,
          date_to INTEGER,
          vector BLOB)
        """,
        "CREATE INDEX chunks_document ON chunks(document_id)",
        // Covers the speaker listing (speaker, role, chunk and document counts) as well as speaker filters.
        "CREATE INDEX chunks_speaker_role ON chunks(speaker, role, document_id)",
        // Covers the speakers' posts (read with the listing), only the chunks that carry one.
        "CREATE INDEX chunks_speaker_post ON chunks(speaker, role, post, document_id) WHERE post IS NOT NULL AND post <> ''",
        """
        CREATE VIRTUAL TABLE chunks_fts USING fts5(
          text, question, content = 'chunks', content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2')
        """,
        """
        CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
          INSERT INTO chunks_fts(rowid, text, question) VALUES (new.rowid, new.text, new.question);
        END
        """,
        """
        CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
          INSERT INTO chunks_fts(chunks_fts, rowid, text, question) VALUES ('delete', old.rowid, old.text, old.question);
        END
        """,
    ];

    /// <summary>
    /// Brings a store of this schema version written by an earlier build up to date; each statement is safe to
    /// repeat and does nothing on a current store.
    /// </summary>
    public static readonly string[] Upgrades =
    [
        "CREATE INDEX IF NOT EXISTS chunks_speaker_role ON chunks(speaker, role, document_id)",
        "DROP INDEX IF EXISTS chunks_speaker",
        "CREATE INDEX IF NOT EXISTS chunks_speaker_post ON chunks(speaker, role, post, document_id) WHERE post IS NOT NULL AND post <> ''",
    ];
}
