using System.Management.Automation;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Http;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Protections;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate;

/// <summary>
/// Base of every cmdlet: a cancellation token that Ctrl+C (StopProcessing) cancels, and ErrorRecords with IDs.
/// PipelineStopToken exists only from PowerShell 7.6, and the module supports 7.4.
/// </summary>
public abstract partial class JiraCmdlet : PSCmdlet, IDisposable
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

    /// <summary>
    /// The connection given with -Connection (a terminating error when it is closed), else this runspace's default
    /// connection; null when there is none.
    /// </summary>
    private protected JiraAdminSession? ConnectedSession()
    {
        if (!MyInvocation.BoundParameters.TryGetValue("Connection", out object? given) || given is null)
        {
            return SessionStore.Current;
        }

        if ((given is PSObject wrapped ? wrapped.BaseObject : given) is JiraAdminConnection connection && SessionStore.Find(connection) is { } session)
        {
            return session;
        }

        ThrowTerminatingError(Error($"The connection given with -Connection ({given}) is closed: Disconnect-JiraAdmin closed it, or a failed or later Connect-JiraAdmin replaced it.", "ConnectionClosed", ErrorCategory.ConnectionError, given,
            recommendedAction: "$connection = Connect-JiraAdmin -Site https://your-site.atlassian.net -Credential (Get-Credential) -PassThru"));
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The connection to use (see <see cref="ConnectedSession"/>); a terminating error when there is none.</summary>
    private protected JiraAdminSession RequireSession()
    {
        if (ConnectedSession() is { } session)
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

    /// <summary>
    /// Who must never be changed: the connected admin, the administrators' groups Jira reports now, the
    /// organization's admins (Admin API; every user is skipped when either cannot be read), <paramref name="exclude"/>
    /// and <paramref name="excludeGroup"/>, app accounts.
    /// </summary>
    private protected ProtectionPolicy ReadProtectionPolicy(JiraAdminSession session, JiraRestClient jira, string[] exclude, string[] excludeGroup, bool includeAppAccounts)
    {
        var exclusions = new WildcardMatcher(exclude);
        var excludedGroups = new WildcardMatcher(ProtectionPolicy.AdministratorGroupNames.Concat(excludeGroup));
        var policy = new ProtectionPolicy
        {
            ConnectedAccountId = session.Account?.AccountId,
            IsExcluded = (id, email) => exclusions.IsMatch(id) || exclusions.IsMatch(email),
            IsExcludedGroup = excludedGroups.IsMatch,
            IncludeAppAccounts = includeAppAccounts,
            ExcludesByEmail = exclude.Any(pattern => pattern.Contains('@', StringComparison.Ordinal)),
        };
        try
        {
            AdministratorGroups? groups = null;
            RunAsync(async (_, token) => groups = await AdministratorGroups.ReadAsync(jira, token).ConfigureAwait(false));
            WriteVerbose($"Administrators' groups (Jira's admin and site-admin access): {string.Join(", ", groups!.Groups.Select(g => g.Name).Distinct())}.");
            policy = policy with { AdministratorGroups = groups };
        }
        catch (AtlassianApiException e)
        {
            string reason = $"not changed: the administrators' groups could not be read ({e.Message}), so whether the user is an admin is unknown";
            WriteWarning($"The administrators' groups could not be read from Jira ({e.Message}): every user is skipped.");
            return policy with { Unchecked = reason };
        }

        if (session.Admin is not { } admin || session.Organization is not { } organization)
        {
            WriteVerbose("Organization admins are recognized by the input's Org role only: this connection has no Admin API.");
            return policy;
        }

        try
        {
            IReadOnlySet<string>? orgAdmins = null;
            RunAsync(async (_, token) => orgAdmins = await admin.GetOrganizationAdminsAsync(organization.Id, token).ConfigureAwait(false));
            WriteVerbose($"Organization admins (Admin API): {orgAdmins!.Count}.");
            return policy with { OrganizationAdmins = orgAdmins };
        }
        catch (AtlassianApiException e)
        {
            string reason = $"not changed: the organization's admins could not be read from the Admin API ({e.Message}), so whether the user is an org admin is unknown";
            WriteWarning($"The organization's admins could not be read from the Admin API ({e.Message}): every user is skipped.");
            return policy with { Unchecked = reason };
        }
    }

    /// <summary>
    /// Opens and locks a run's journal: <paramref name="path"/> (a PowerShell path), or a new file named for
    /// <paramref name="runId"/>, sealing with the keys of <paramref name="keyPath"/> (default the per-user key folder) or
    /// of the vault <paramref name="keyVault"/>; a terminating error, before any change, when it is in use or cannot be written.
    /// </summary>
    private protected RemovalJournal OpenJournal(string? path, string? runId, string? keyPath = null, string? keyVault = null)
    {
        string full = path is null
            ? RemovalJournal.DefaultPath(runId ?? RemovalJournal.NewRunId())
            : SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        try
        {
            var keys = KeysIn(keyPath, keyVault, full);
            var journal = RemovalJournal.Open(full, keys);
            try
            {
                // A vault is reached through PowerShell, on this thread: the run begins on a worker.
                if (runId is not null && keys.Source is VaultKeySource vault)
                {
                    vault.Prepare(runId);
                }
            }
            catch (JournalException)
            {
                journal.Dispose();
                throw;
            }

            return journal;
        }
        catch (JournalException e)
        {
            ThrowTerminatingError(Error(e.Message, e.InUse ? "JournalInUse" : "JournalNotWritable", e.InUse ? ErrorCategory.ResourceBusy : ErrorCategory.WriteError, full, e));
            throw;
        }
    }

    /// <summary>The error category that fits an Atlassian API failure, from its HTTP status.</summary>
    protected static ErrorCategory CategoryOf(AtlassianApiException error) => ApiFailures.Of(error) switch
    {
        ApiFailure.Authentication => ErrorCategory.AuthenticationError,
        ApiFailure.Permission => ErrorCategory.PermissionDenied,
        ApiFailure.NotFound => ErrorCategory.ObjectNotFound,
        ApiFailure.Conflict => ErrorCategory.ResourceExists,
        ApiFailure.Unavailable => ErrorCategory.ResourceUnavailable,
        ApiFailure.Timeout => ErrorCategory.OperationTimeout,
        ApiFailure.Connection => ErrorCategory.ConnectionError,
        // A refused redirect, a 400 and a broken answer all mean an answer the module cannot use.
        _ => ErrorCategory.InvalidResult,
    };

    /// <summary>The category of a per-user failure: from the API's answer when one caused it, else <paramref name="otherwise"/>.</summary>
    protected static ErrorCategory CategoryOf(Exception? failure, ErrorCategory otherwise) =>
        failure is AtlassianApiException api ? CategoryOf(api) : otherwise;

    /// <summary>
    /// An ErrorRecord whose message is <paramref name="message"/>, with an ID, a category and the input it concerns.
    /// It carries the exception that caused it as it is (its type, HTTP status and stack), so scripts can catch on it.
    /// </summary>
    protected static ErrorRecord Error(string message, string errorId, ErrorCategory category, object? target, Exception? inner = null, string? recommendedAction = null)
    {
        var exception = inner ?? new InvalidOperationException(message);
        var record = new ErrorRecord(exception, errorId, category, target) { ErrorDetails = new ErrorDetails(message) };
        if (recommendedAction is not null)
        {
            record.ErrorDetails.RecommendedAction = recommendedAction;
        }

        return record;
    }
}
