using System.Management.Automation;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Http;
using JiraDeactivate.Core.Sessions;

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

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool while this (pipeline) thread writes what it queues.
    /// Ctrl+C cancels the work's token and every HTTP call under it.
    /// </summary>
    private protected void RunAsync(Func<PipelineQueue, CancellationToken, Task> work)
    {
        using var queue = new PipelineQueue();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
        AtlassianHttpClientFactory.CurrentTrace = queue;
        var task = Task.Run(async () =>
        {
            try
            {
                await work(queue, run.Token).ConfigureAwait(false);
            }
            finally
            {
                queue.Complete();
            }
        });
        try
        {
            queue.Drain(this);
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            // Stops the work if this thread left early (a terminating error, or the pipeline stopping).
            run.Cancel();
            ((IAsyncResult)task).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10));
            AtlassianHttpClientFactory.CurrentTrace = null;
        }
    }

    /// <summary>This runspace's connection; a terminating error when there is none.</summary>
    private protected JiraAdminSession RequireSession()
    {
        if (SessionStore.Current is { } session)
        {
            return session;
        }

        ThrowTerminatingError(Error($"{MyInvocation.MyCommand.Name} needs a connection: run Connect-JiraAdmin first.", "NotConnected", ErrorCategory.ConnectionError, null,
            recommendedAction: "Connect-JiraAdmin -Site https://your-site.atlassian.net -Credential (Get-Credential) -AdminApiKey (Read-Host -AsSecureString 'Organization API key')"));
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>This runspace's connection and its Jira client; a terminating error saying what to connect when either is missing.</summary>
    private protected (JiraAdminSession Session, JiraRestClient Jira) RequireJiraConnection()
    {
        var session = RequireSession();
        try
        {
            return (session, session.RequireJira(MyInvocation.MyCommand.Name));
        }
        catch (SessionRequirementException e)
        {
            ThrowRequirement(e);
            throw;
        }
    }

    /// <summary>A terminating error for a feature that needs the credential the connection lacks.</summary>
    private protected void ThrowRequirement(SessionRequirementException e) =>
        ThrowTerminatingError(Error(e.Message, "ConnectionLacksCredential", ErrorCategory.ConnectionError, null, e));

    /// <summary>
    /// Runs <paramref name="work"/> for every item, <paramref name="throttleLimit"/> at a time, with a progress bar
    /// counting the items done; <paramref name="after"/> runs once all are done.
    /// </summary>
    private protected void RunForEach<T>(IReadOnlyList<T> items, int throttleLimit, int progressId, string activity,
        Func<T, PipelineQueue, CancellationToken, Task> work, Action<PipelineQueue>? after = null) =>
        RunAsync(async (queue, token) =>
        {
            var progress = new CountProgress(queue, progressId, activity, items.Count);
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = throttleLimit, CancellationToken = token }, async (item, ct) =>
            {
                await work(item, queue, ct).ConfigureAwait(false);
                progress.Step();
            }).ConfigureAwait(false);
            progress.Complete();
            after?.Invoke(queue);
        });

    /// <summary>
    /// A line for the person at the console (what Write-Host does: the information stream, tagged PSHOST), so a
    /// preview's skips and a run's summary show by default and can still be captured (6>&amp;1, -InformationVariable).
    /// </summary>
    private protected void WriteHostLine(string text) =>
        WriteInformation(new HostInformationMessage { Message = text }, ["PSHOST"]);

    /// <summary>-WhatIf given to this command, or inherited through $WhatIfPreference from a calling script or function.</summary>
    private protected bool IsPreview() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
            ? ((SwitchParameter)whatIf).IsPresent
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    /// <summary>The error category that fits an Atlassian API failure.</summary>
    protected static ErrorCategory CategoryOf(AtlassianApiException error) => (int?)error.StatusCode switch
    {
        401 => ErrorCategory.AuthenticationError,
        403 => ErrorCategory.PermissionDenied,
        404 => ErrorCategory.ObjectNotFound,
        429 => ErrorCategory.LimitsExceeded,
        null => ErrorCategory.ConnectionError,
        _ => ErrorCategory.InvalidResult,
    };

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
