using System.Diagnostics;
using System.Management.Automation;
using JiraDeactivate.Core.Inactivity;

namespace JiraDeactivate;

/// <summary>Turns collection progress (from worker threads) into progress records with counts and time left, a few per second.</summary>
internal sealed class ApiProgressReporter(PipelineQueue queue, string activity, TimeSpan interval)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _lock = new();
    private TimeSpan? _lastWrite;

    public void Report(ApiCollectProgress progress)
    {
        lock (_lock)
        {
            var now = _clock.Elapsed;
            if (_lastWrite is { } last && now - last < interval)
            {
                return;
            }

            _lastWrite = now;
        }

        int done = progress.Fetched + progress.Failed;
        var record = new ProgressRecord(ProgressIds.ApiActivity, activity, progress.ListingComplete
            ? $"Last-active dates of {done:N0} of {progress.Found:N0} users"
            : $"Last-active dates of {done:N0} users; {progress.Found:N0} found so far in the product's groups");
        if (progress.ListingComplete && progress.Found > 0)
        {
            record.PercentComplete = Math.Min(100, 100 * done / progress.Found);
            if (done > 0)
            {
                record.SecondsRemaining = (int)(_clock.Elapsed.TotalSeconds / done * (progress.Found - done));
            }
        }

        queue.WriteProgress(record);
    }

    public void Complete() => queue.WriteProgress(new ProgressRecord(ProgressIds.ApiActivity, activity, "Done") { RecordType = ProgressRecordType.Completed });
}
