using System.Management.Automation;

namespace JiraDeactivate;

/// <summary>
/// Base of every cmdlet: a cancellation token that Ctrl+C (StopProcessing) cancels, and ErrorRecords with IDs.
/// PipelineStopToken exists only from PowerShell 7.6, and the module supports 7.4.
/// </summary>
public abstract class JiraCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancellationToken => _stop.Token;

    protected override void StopProcessing() => _stop.Cancel();

    public void Dispose()
    {
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>An ErrorRecord whose message is <paramref name="message"/>, with an ID, a category and the input it concerns.</summary>
    protected static ErrorRecord Error(string message, string errorId, ErrorCategory category, object? target, Exception? inner = null, string? recommendedAction = null)
    {
        var exception = inner is null ? new InvalidOperationException(message) : new InvalidOperationException(message, inner);
        var record = new ErrorRecord(exception, errorId, category, target) { ErrorDetails = new ErrorDetails(message) };
        if (recommendedAction is not null)
        {
            record.ErrorDetails.RecommendedAction = recommendedAction;
        }

        return record;
    }
}
