using System.Collections.Concurrent;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Runs an enumeration on a worker thread, a few batches ahead of the caller: the export is parsed while the
/// PowerShell pipeline (the slower part) passes the previous users on. Order, errors and cancellation are kept:
/// items come out in order, an exception comes out where it happened, and stopping early stops the worker.
/// </summary>
public static class ReadAhead
{
    private const int BatchSize = 512;

    // Batches in flight: bounds memory (a few thousand users) whatever the file's size.
    private const int Depth = 4;

    public static IEnumerable<T> Of<T>(IEnumerable<T> source, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var batches = new BlockingCollection<Batch<T>>(Depth);
        var worker = Task.Run(() => Produce(source, batches, stop.Token), CancellationToken.None);
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(cancellationToken))
            {
                for (int i = 0; i < batch.Count; i++)
                {
                    yield return batch.Items[i];
                }

                batch.Error?.Throw();
            }
        }
        finally
        {
            // The caller stopped early (or failed): the worker must not go on reading, nor hold the file open.
            stop.Cancel();
            try
            {
                worker.Wait(CancellationToken.None);
            }
            catch (AggregateException e) when (e.InnerException is OperationCanceledException)
            {
            }
        }
    }

    private static void Produce<T>(IEnumerable<T> source, BlockingCollection<Batch<T>> batches, CancellationToken token)
    {
        var batch = new Batch<T>(BatchSize);
        try
        {
            foreach (var item in source)
            {
                batch.Items[batch.Count++] = item;
                if (batch.Count == BatchSize)
                {
                    batches.Add(batch, token);
                    batch = new Batch<T>(BatchSize);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            batch.Error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            if (!token.IsCancellationRequested)
            {
                batches.Add(batch, token);
                batches.CompleteAdding();
            }
        }
    }

    private sealed class Batch<T>(int size)
    {
        public T[] Items { get; } = new T[size];

        public int Count { get; set; }

        public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Error { get; set; }
    }
}
