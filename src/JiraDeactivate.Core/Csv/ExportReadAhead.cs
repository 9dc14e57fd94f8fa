using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Reads an export on a thread of its own, a few batches ahead of the caller: the pipeline thread then only writes
/// the users out while the next ones are parsed (two cores do both at once). The records come out in the reader's
/// order, and an exception of the reader comes out after the records read before it. Ending the enumeration early
/// (a downstream Select-Object -First, Ctrl+C) cancels the reader and waits for its thread: none is left running.
/// </summary>
public sealed class ExportReadAhead : IEnumerable<ExportRecord>
{
    /// <summary>Records handed over at a time: few enough hand-overs not to cost, small enough to start writing at once.</summary>
    public const int BatchSize = 64;

    // Batches read ahead of the caller. Few on purpose: every user waiting here when a collection comes survives it, and
    // with 8 batches of 256 a 200,000-user run made 12-16 gen1 collections (27 ms of pauses) against 1-4 (14-22 ms)
    // now, and took 0.275 s against 0.241 s (medians of 15; 32 to 128 a batch alike, 1,024 slower).
    private const int BatchesAhead = 2;

    private readonly Func<CancellationToken, IEnumerable<ExportRecord>> _read;
    private readonly CancellationToken _cancellationToken;

    /// <param name="read">Reads the export, on the reader's thread; stops when the token it is given is cancelled.</param>
    /// <param name="cancellationToken">Stops both the reader and the caller's wait for it.</param>
    public ExportReadAhead(Func<CancellationToken, IEnumerable<ExportRecord>> read, CancellationToken cancellationToken)
    {
        _read = read;
        _cancellationToken = cancellationToken;
    }

    public IEnumerator<ExportRecord> GetEnumerator() => new Enumerator(_read, _cancellationToken);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Batch(ExportRecord[] records, int count, Exception? error)
    {
        public ExportRecord[] Records { get; } = records;

        public int Count { get; } = count;

        /// <summary>What stopped the reader, after the records of this batch.</summary>
        public Exception? Error { get; } = error;
    }

    private sealed class Enumerator : IEnumerator<ExportRecord>
    {
        private readonly BlockingCollection<Batch> _batches = new(BatchesAhead);
        private readonly CancellationTokenSource _stop;
        private readonly Func<CancellationToken, IEnumerable<ExportRecord>> _read;
        private Thread? _thread;
        private Batch? _batch;
        private int _index;
        private bool _disposed;

        public Enumerator(Func<CancellationToken, IEnumerable<ExportRecord>> read, CancellationToken cancellationToken)
        {
            _read = read;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        public ExportRecord Current { get; private set; }

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_thread is null)
            {
                _thread = new Thread(Produce) { IsBackground = true, Name = "JiraDeactivate export reader" };
                _thread.Start();
            }

            while (_batch is null || _index == _batch.Count)
            {
                if (_batch?.Error is { } error)
                {
                    _batch = null;
                    ExceptionDispatchInfo.Throw(error);
                }

                if (!_batches.TryTake(out _batch, Timeout.Infinite, _stop.Token))
                {
                    return false;
                }

                _index = 0;
            }

            Current = _batch.Records[_index++];
            return true;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stop.Cancel();
            _thread?.Join();
            _stop.Dispose();
            _batches.Dispose();
        }

        private void Produce()
        {
            var records = new ExportRecord[BatchSize];
            int count = 0;
            try
            {
                foreach (var record in _read(_stop.Token))
                {
                    records[count++] = record;
                    if (count == BatchSize)
                    {
                        _batches.Add(new Batch(records, count, null), _stop.Token);
                        records = new ExportRecord[BatchSize];
                        count = 0;
                    }
                }

                _batches.Add(new Batch(records, count, null), _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // The caller stopped reading: nobody waits for the rest.
            }
            catch (Exception e)
            {
                try
                {
                    _batches.Add(new Batch(records, count, e), _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            finally
            {
                _batches.CompleteAdding();
            }
        }
    }
}
