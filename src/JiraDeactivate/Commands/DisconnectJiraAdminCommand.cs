using System.Management.Automation;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Closes this PowerShell session's connection to Jira and the Admin API.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "JiraAdmin")]
[OutputType(typeof(void))]
public sealed class DisconnectJiraAdminCommand : JiraCmdlet
{
    protected override void EndProcessing()
    {
        using var session = SessionStore.Remove();
        WriteVerbose(session is null ? "There was no connection." : $"Disconnected from {session.Connection}.");
    }
}
