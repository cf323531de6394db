using System.Diagnostics;

namespace HafizaIzmir.Indexer.Hosting;

public sealed partial class SearchIndexData
{
    // Identifiers taken from the backlog's front per turn; a turn usually ends on time before using them all.
    private const int PeekSize = 500;

    /// <summary>Starts working through the backlog in the background unless that is under way. Call under the gate.</summary>
    private void StartBacklog()
    {
        Backlog = _backlog.Count;
        if (_draining || _backlog.Count == 0) return;
        _draining = true;
        var stop = _backlogStop.Token;
        _ = Task.Run(() => DrainAsync(stop), CancellationToken.None);
    }

    /// <summary>Stops the background work (it resumes on the next start). Call under the gate.</summary>
    private void StopBacklog()
    {
        _backlogStop.Cancel();
        _backlogStop.Dispose();
        _backlogStop = new CancellationTokenSource();
        _draining = false;
    }

    /// <summary>
    /// One turn at a time, each under the gate, so a journal change waiting for the gate is applied
    /// between two turns rather than after the whole backlog.
    /// </summary>
    private async Task DrainAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await _gate.WaitAsync(stop);
                try
                {
                    if (stop.IsCancellationRequested) return; // stopped while waiting: the stopper owns the state now
                    var index = Volatile.Read(ref _index);
                    if (index is null || _backlog.Count == 0)
                    {
                        _draining = false;
                        if (index is not null)
                        {
                            // Caught up: make it durable now rather than at the next journal change.
                            index.Commit();
                            _backlog.Save();
                        }
                        return;
                    }
                    var turn = Stopwatch.StartNew();
                    var done = new List<string>();
                    foreach (var identifier in _backlog.Peek(PeekSize))
                    {
                        await ReindexAsync(index, identifier, archive, stop);
                        done.Add(identifier);
                        if (turn.Elapsed >= BacklogTurn) break;
                    }
                    _backlog.Remove(done);
                    Backlog = _backlog.Count;
                    TrimCaches();
                }
                finally
                {
                    _gate.Release();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Storage may be briefly unreachable: the batch stays in the backlog and is tried again.
                try { await Task.Delay(BacklogRetryDelay, stop); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
