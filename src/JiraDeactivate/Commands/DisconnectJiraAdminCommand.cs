using System.Management.Automation;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Closes this PowerShell session's connection to Jira and the Admin API, or the connection given.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "JiraAdmin", HelpUri = HelpPages.Root + "Disconnect-JiraAdmin.md")]
[OutputType(typeof(void))]
public sealed class DisconnectJiraAdminCommand : JiraCmdlet
{
    /// <summary>The connection to close (from Connect-JiraAdmin -PassThru); default this session's connection.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    public JiraAdminConnection? Connection { get; set; }

    protected override void ProcessRecord()
    {
        if (Connection is null)
        {
            var closed = SessionStore.CloseDefault();
            WriteVerbose(closed is null ? "There was no connection." : $"Disconnected from {closed}.");
        }
        else if (SessionStore.Find(Connection) is { } session)
        {
            SessionStore.Close(session);
            WriteVerbose($"Disconnected from {Connection}.");
        }
        else
        {
            WriteVerbose($"{Connection} was closed already.");
        }
    }
}
