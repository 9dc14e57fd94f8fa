using System.Management.Automation;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Shows what this PowerShell session is connected to: site, organization and user. Never a secret.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiraAdminConnection", HelpUri = HelpPages.Root + "Get-JiraAdminConnection.md")]
[OutputType(typeof(JiraAdminConnection))]
public sealed class GetJiraAdminConnectionCommand : JiraCmdlet
{
    protected override void EndProcessing()
    {
        if (SessionStore.Current is { } session)
        {
            var connection = session.Connection;
            foreach (string warning in ExpiryCheck.Warnings(connection, DateTimeOffset.UtcNow))
            {
                WriteWarning(warning);
            }

            WriteObject(connection);
        }
    }
}
