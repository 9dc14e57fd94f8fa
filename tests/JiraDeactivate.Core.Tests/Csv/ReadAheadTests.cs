using JiraDeactivate.Core.Csv;

namespace JiraDeactivate.Core.Tests.Csv;

public class ReadAheadTests
{
    [Fact]
    public void Items_come_out_in_order_across_batches()
    {
        Assert.Equal(Enumerable.Range(0, 10_000), ReadAhead.Of(Enumerable.Range(0, 10_000)));
    }

    [Fact]
    public void An_exception_comes_out_after_the_items_before_it()
    {
        var seen = new List<int>();

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (int i in ReadAhead.Of(ThrowAt(1000)))
            {
                seen.Add(i);
            }
        });

        Assert.Equal("at 1000", error.Message);
        Assert.Equal(Enumerable.Range(0, 1000), seen);
    }

    [Fact]
    public void Stopping_early_stops_the_worker_and_disposes_the_source()
    {
        var source = new Tracked();

        Assert.Equal([0, 1, 2], ReadAhead.Of(source.Items()).Take(3));

        Assert.True(source.Disposed);
        Assert.True(source.Produced < 1_000_000);
    }

    [Fact]
    public void Cancelling_the_token_stops_the_reading()
    {
        using var cancel = new CancellationTokenSource();
        var source = new Tracked();

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (int i in ReadAhead.Of(source.Items(), cancel.Token))
            {
                if (i == 10)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.True(source.Disposed);
    }

    private static IEnumerable<int> ThrowAt(int failing)
    {
        for (int i = 0; ; i++)
        {
            if (i == failing)
            {
                throw new InvalidDataException($"at {i}");
            }

            yield return i;
        }
    }

    private sealed class Tracked
    {
        public bool Disposed { get; private set; }

        public int Produced { get; private set; }

        public IEnumerable<int> Items()
        {
            try
            {
                for (int i = 0; i < 1_000_000; i++)
                {
                    Produced = i + 1;
                    yield return i;
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }
}
