namespace HafizaIzmir.Indexer.Hosting;

public sealed partial class SearchIndexData
{
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
    /// One batch at a time, each under the gate, so a journal change waiting for the gate is applied
    /// between two batches rather than after the whole backlog.
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
                    var batch = _backlog.Peek(BacklogBatchSize);
                    foreach (var identifier in batch) await ReindexAsync(index, identifier, archive, stop);
                    _backlog.Remove(batch);
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
