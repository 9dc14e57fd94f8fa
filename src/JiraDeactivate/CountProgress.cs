using System.Diagnostics;
using System.Management.Automation;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate;

/// <summary>Progress of a known number of steps, counted from worker threads, shown a few times a second with time left.</summary>
internal sealed class CountProgress(PipelineQueue queue, int id, string activity, int total) : IRunStage
{
    private static readonly long s_interval = Stopwatch.Frequency / 4;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _done;
    private long _lastWrite = -s_interval;

    public void Step()
    {
        int done = Interlocked.Increment(ref _done);
        long now = _clock.ElapsedTicks;
        long last = Interlocked.Read(ref _lastWrite);
        if (now - last < s_interval || Interlocked.CompareExchange(ref _lastWrite, now, last) != last)
        {
            return;
        }

        var record = new ProgressRecord(id, activity, $"{done:N0} of {total:N0}")
        {
            PercentComplete = total == 0 ? 100 : Math.Min(100, 100 * done / total),
            SecondsRemaining = (int)(_clock.Elapsed.TotalSeconds / done * (total - done)),
        };
        queue.WriteProgress(record);
    }

    public void Complete() => queue.WriteProgress(new ProgressRecord(id, activity, "Done") { RecordType = ProgressRecordType.Completed });
}
