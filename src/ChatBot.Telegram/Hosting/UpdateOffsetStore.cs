using System.Text.Json;
using ChatBot.Telegram.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ChatBot.Telegram.Hosting;

/// <summary>
/// The polling position, persisted in <c>&lt;StateDirectory&gt;/telegram-offset-&lt;botId&gt;.json</c>: the
/// <c>getUpdates</c> offset (every update below it is handled) and the ids above it already handled (when updates of
/// one batch finish out of order). Written atomically (temporary file, then rename) after each handled update.
/// A position older than a week is dropped, since Telegram may then restart its update ids lower.
/// </summary>
internal sealed class UpdateOffsetStore(string directory, long botId, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan s_maxAge = TimeSpan.FromDays(7);

    /// <summary>The file holding the position.</summary>
    public string FilePath { get; } = Path.Combine(directory, $"telegram-offset-{botId}.json");

    /// <summary>The saved position, or an empty one (start from Telegram's earliest unconfirmed update).</summary>
    public UpdateProgress Load()
    {
        try
        {
            if (!File.Exists(FilePath)) return UpdateProgress.Empty;
            var saved = JsonSerializer.Deserialize<Saved>(File.ReadAllText(FilePath), s_json);
            if (saved is null || saved.BotId != botId) return UpdateProgress.Empty;
            if (time.GetUtcNow() - saved.SavedAt > s_maxAge)
            {
                Log.OffsetStale(logger, FilePath);
                return UpdateProgress.Empty;
            }

            return new UpdateProgress(saved.Offset, new HashSet<int>(saved.Handled ?? []));
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            Log.OffsetLoadFailed(logger, ex, FilePath);
            return UpdateProgress.Empty;
        }
    }

    /// <summary>Saves the position: the whole file is replaced, never left half-written.</summary>
    public void Save(UpdateProgress progress)
    {
        Directory.CreateDirectory(directory);
        var temporary = FilePath + ".tmp";
        var saved = new Saved(botId, progress.Offset, [.. progress.Handled.Order()], time.GetUtcNow());
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, saved, s_json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private sealed record Saved(long BotId, int? Offset, int[]? Handled, DateTimeOffset SavedAt);
}
