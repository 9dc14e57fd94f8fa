using FsCheck;
using FsCheck.Fluent;
using JiraDeactivate.Core.Csv;

namespace JiraDeactivate.Core.Tests.Csv;

/// <summary>The reader's own thread: same records in the same order, its errors after them, and no thread left behind.</summary>
public class ExportReadAheadTests
{
    private static ExportRecord Numbered(int i) =>
        new(null, new ExportIssue(ExportIssueKind.InvalidValue, "x.csv", i, null, $"row {i}"));

    private static IEnumerable<ExportRecord> Source(int count, Exception? error, CancellationToken token)
    {
        for (int i = 0; i < count; i++)
        {
            token.ThrowIfCancellationRequested();
            yield return Numbered(i);
        }

        if (error is not null)
        {
            throw error;
        }
    }

    [Fact]
    public void Records_come_out_in_order_and_an_error_after_the_records_before_it_whatever_the_batch_boundaries() =>
        Prop.ForAll(Gen.Choose(0, 5 * ExportReadAhead.BatchSize).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (count, fails) =>
        {
            var read = new List<long>();
            Exception? thrown = null;
            try
            {
                foreach (var record in new ExportReadAhead(token => Source(count, fails ? new InvalidDataException("broken") : null, token), CancellationToken.None))
                {
                    read.Add(record.Issue!.LineNumber);
                }
            }
            catch (InvalidDataException e)
            {
                thrown = e;
            }

            return read.SequenceEqual(Enumerable.Range(0, count).Select(i => (long)i)) && (thrown is not null) == fails;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Stopping_early_stops_the_reader_and_waits_for_it()
    {
        bool finished = false;
        IEnumerable<ExportRecord> Endless(CancellationToken token)
        {
            try
            {
                for (int i = 0; ; i++)
                {
                    token.ThrowIfCancellationRequested();
                    yield return Numbered(i);
                }
            }
            finally
            {
                finished = true;
            }
        }

        var firstFive = new ExportReadAhead(Endless, CancellationToken.None).Take(5).Select(r => r.Issue!.LineNumber).ToList();

        Assert.Equal([0L, 1, 2, 3, 4], firstFive);
        Assert.True(finished);
    }

    [Fact]
    public void Cancelling_stops_the_caller_waiting_for_a_reader_that_is_blocked()
    {
        using var cancel = new CancellationTokenSource();
        using var never = new ManualResetEventSlim();
        IEnumerable<ExportRecord> Stuck(CancellationToken token)
        {
            yield return Numbered(0);
            never.Wait(token);
        }

        using var records = new ExportReadAhead(Stuck, cancel.Token).GetEnumerator();
        cancel.CancelAfter(50);

        // Ctrl+C while the reader waits for a pipe that sends nothing: the wait ends, and disposing ends the reader.
        Assert.ThrowsAny<OperationCanceledException>(() => records.MoveNext());
    }

    [Fact]
    public void The_reader_runs_on_another_thread()
    {
        int readerThread = 0;
        IEnumerable<ExportRecord> Source(CancellationToken token)
        {
            readerThread = Environment.CurrentManagedThreadId;
            yield return Numbered(0);
        }

        Assert.Single(new ExportReadAhead(Source, CancellationToken.None));
        Assert.NotEqual(Environment.CurrentManagedThreadId, readerThread);
    }
}
