using ChatBot.Telegram.Diagnostics;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace ChatBot.Telegram.Hosting;

/// <summary>
/// Tracks which updates are handled so that, across restarts, none is answered twice and none is skipped.
/// The offset sent to <c>getUpdates</c> only passes an update once it is handled (so Telegram keeps unhandled ones),
/// and it is saved after every handled update. Thread-safe: updates of one batch may finish in any order.
/// </summary>
internal sealed class UpdateProgressTracker
{
    private readonly UpdateOffsetStore _store;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly SortedSet<int> _pending = [];
    private readonly HashSet<int> _handled;
    private int? _offset;
    private int _batchEnd;

    public UpdateProgressTracker(UpdateOffsetStore store, ILogger logger)
    {
        _store = store;
        _logger = logger;
        var saved = store.Load();
        _offset = saved.Offset;
        _handled = [.. saved.Handled];
    }

    /// <summary>The offset for the next <c>getUpdates</c>: the lowest update not yet handled.</summary>
    public int? Offset
    {
        get { lock (_lock) return _offset; }
    }

    /// <summary>Starts a batch; returns its updates not handled before, in order.</summary>
    public List<Update> BeginBatch(IReadOnlyList<Update> updates)
    {
        lock (_lock)
        {
            _pending.Clear();
            var fresh = new List<Update>();
            foreach (var update in updates.OrderBy(u => u.Id))
            {
                if ((_offset is int offset && update.Id < offset) || _handled.Contains(update.Id))
                {
                    Log.UpdateSkipped(_logger, update.Id);
                    continue;
                }

                _pending.Add(update.Id);
                fresh.Add(update);
            }

            _batchEnd = updates.Count == 0 ? _offset ?? 0 : Math.Max(_offset ?? 0, updates.Max(u => u.Id) + 1);
            if (fresh.Count == 0) Advance();
            return fresh;
        }
    }

    /// <summary>Records that an update is handled and saves the position.</summary>
    public void MarkHandled(int updateId)
    {
        lock (_lock)
        {
            if (!_pending.Remove(updateId)) return;
            _handled.Add(updateId);
            Advance();
        }
    }

    private void Advance()
    {
        _offset = _pending.Count > 0 ? _pending.Min : _batchEnd;
        _handled.RemoveWhere(id => id < _offset);
        try
        {
            _store.Save(new UpdateProgress(_offset, new HashSet<int>(_handled)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.OffsetSaveFailed(_logger, ex, _store.FilePath);
        }
    }
}
