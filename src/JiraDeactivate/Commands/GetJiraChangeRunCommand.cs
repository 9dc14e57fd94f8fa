using System.Management.Automation;
using JiraDeactivate.Core.History;
using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Lists past runs of Remove-JiraProductAccess, Suspend-JiraUser and the other changing cmdlets from their journals: when, who, what, and whether each can be undone.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiraChangeRun", HelpUri = HelpPages.Root + "Get-JiraChangeRun.md")]
[OutputType(typeof(JiraChangeRun))]
public sealed class GetJiraChangeRunCommand : JiraCmdlet
{
    private readonly List<string> _journals = [];

    /// <summary>Journal files or folders of journals (*.jsonl); wildcards allowed. Default: this user's default journal folder.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("JournalPath", "FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>The folder of the runs' seal keys, when it is not this machine's per-user folder (the -KeyPath the runs were given).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KeyPath { get; set; }

    /// <summary>The SecretManagement vault of the runs' seal keys (the -KeyVault the runs were given); their heads are read from -KeyPath when given, else beside each journal.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KeyVault { get; set; }

    /// <summary>Only runs of these commands (Remove-JiraProductAccess, Suspend-JiraUser, ...); wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[] Command { get; set; } = [];

    /// <summary>Only runs that can be undone now.</summary>
    [Parameter]
    public SwitchParameter CanUndo { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string path in Path ?? [])
        {
            try
            {
                foreach (string resolved in SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _))
                {
                    AddJournals(resolved);
                }
            }
            catch (ItemNotFoundException e)
            {
                WriteError(Error($"'{path}' does not exist.", "JournalNotFound", ErrorCategory.ObjectNotFound, path, e));
            }
        }
    }

    protected override void EndProcessing()
    {
        if (Path is null && Directory.Exists(RemovalJournal.DefaultFolder))
        {
            AddJournals(RemovalJournal.DefaultFolder);
        }

        var commands = new WildcardMatcher(Command);
        var runs = new List<JiraChangeRun>();
        foreach (string journal in _journals.Distinct(StringComparer.Ordinal))
        {
            try
            {
                var keys = KeysIn(KeyPath, KeyVault, journal);
                runs.AddRange(ChangeRunHistory.Read(journal, keys, (line, reason) => WriteWarning($"{journal}:{line}: a line that cannot be read was skipped: {reason}"))
                    .Select(run => run with { KeyVault = KeyVault }));
            }
            catch (Exception e) when (e is JournalException or IOException or UnauthorizedAccessException)
            {
                WriteError(Error($"The journal '{journal}' cannot be read: {e.Message}", "JournalUnreadable", ErrorCategory.ReadError, journal, e));
            }
        }

        foreach (var run in runs.OrderBy(r => r.Started))
        {
            if ((commands.IsEmpty || commands.IsMatch(run.Command)) && (!CanUndo || run.CanUndo))
            {
                WriteObject(run);
            }
        }
    }

    private void AddJournals(string path)
    {
        if (Directory.Exists(path))
        {
            _journals.AddRange(Directory.EnumerateFiles(path, "*.jsonl").Order(StringComparer.Ordinal));
        }
        else
        {
            _journals.Add(path);
        }
    }
}
