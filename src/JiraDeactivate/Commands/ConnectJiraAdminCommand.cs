using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using JiraDeactivate.Core.Http;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Connects this PowerShell session to a Jira Cloud site and/or an Atlassian organization.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "JiraAdmin", DefaultParameterSetName = CredentialSet, HelpUri = HelpPages.Root + "Connect-JiraAdmin.md")]
[OutputType(typeof(JiraAdminConnection))]
public sealed class ConnectJiraAdminCommand : JiraCmdlet
{
    private const string CredentialSet = "Credential";
    private const string VaultSet = "Vault";

    /// <summary>The Jira site, e.g. https://acme.atlassian.net.</summary>
    [Parameter(Position = 0, ParameterSetName = CredentialSet)]
    [Parameter(ParameterSetName = VaultSet)]
    public Uri? Site { get; set; }

    /// <summary>The admin's email (user name) and API token (password), for the site's Jira REST API.</summary>
    [Parameter(Position = 1, ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>An organization admin API key, for last-active dates from the Admin API.</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    public SecureString? AdminApiKey { get; set; }

    /// <summary>The organization; without it, the only organization the key can manage.</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [Parameter(ParameterSetName = VaultSet)]
    [ValidateNotNullOrEmpty]
    public string? OrganizationId { get; set; }

    /// <summary>The Admin API's address; default https://api.atlassian.com.</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [Parameter(ParameterSetName = VaultSet)]
    public Uri AdminApiUri { get; set; } = ConnectRequest.DefaultAdminApiUri;

    /// <summary>The SecretManagement vault that holds the connection secret.</summary>
    [Parameter(Mandatory = true, ParameterSetName = VaultSet)]
    [ValidateNotNullOrEmpty]
    public string Vault { get; set; } = string.Empty;

    /// <summary>The name of the secret: a hashtable with Site, Email, ApiToken, AdminApiKey and OrganizationId.</summary>
    [Parameter(Mandatory = true, ParameterSetName = VaultSet)]
    [ValidateNotNullOrEmpty]
    public string SecretName { get; set; } = string.Empty;

    /// <summary>Longest wait for one answer, in seconds, before the call is retried.</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 30;

    /// <summary>Emits the connection, for -Connection of other commands; it stays open when a later Connect-JiraAdmin makes another the default.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        // A failed connect must leave no connection behind: later commands say "not connected", not use the old site.
        SessionStore.ClearDefault();
        var request = ParameterSetName == VaultSet ? RequestFromVault() : RequestFromParameters();
        JiraAdminSession? session = null;
        try
        {
            RunAsync(async (queue, token) => session = await SessionConnector.ConnectAsync(request, token).ConfigureAwait(false));
        }
        catch (ConnectException e)
        {
            ThrowTerminatingError(Error(e.Message, $"Connect{e.Failure}", CategoryOf(e.Failure), SiteAddress.Shown(Site ?? AdminApiUri), e));
        }
        finally
        {
            if (session is null)
            {
                request.SiteCredential?.Dispose();
                request.AdminApiKey?.Dispose();
            }
        }

        SessionStore.Set(session!, kept: PassThru);
        WriteVerbose($"Connected: {session!.Connection}.");
        if (PassThru)
        {
            WriteObject(session.Connection);
        }
    }

    private ConnectRequest RequestFromParameters() => new()
    {
        Site = Site,
        SiteCredential = Credential is null ? null : ApiCredential.Basic(Credential.UserName, Credential.Password),
        AdminApiKey = AdminApiKey is null ? null : ApiCredential.Bearer(AdminApiKey),
        AdminApiUri = AdminApiUri,
        OrganizationId = OrganizationId,
        Http = new HttpClientOptions { AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec) },
    };

    private ConnectRequest RequestFromVault()
    {
        if (InvokeCommand.GetCommand("Get-Secret", CommandTypes.Cmdlet | CommandTypes.Function) is null)
        {
            ThrowTerminatingError(Error(
                "-Vault needs the Microsoft.PowerShell.SecretManagement module, which is not installed or not importable.",
                "SecretManagementMissing", ErrorCategory.NotInstalled, Vault,
                recommendedAction: "Install-PSResource Microsoft.PowerShell.SecretManagement (and a vault extension such as Microsoft.PowerShell.SecretStore), then Register-SecretVault."));
        }

        Hashtable secret;
        try
        {
            var result = InvokeCommand.InvokeScript("param($vault, $name) Get-Secret -Vault $vault -Name $name -ErrorAction Stop", true, PipelineResultTypes.None, null, Vault, SecretName);
            secret = result.Count == 1 && result[0]?.BaseObject is Hashtable table
                ? table
                : throw new InvalidDataException("it is not a hashtable");
        }
        catch (Exception e) when (e is RuntimeException or InvalidDataException)
        {
            ThrowTerminatingError(Error(
                $"Could not read the secret '{SecretName}' from the vault '{Vault}' as a connection: {(e is InvalidDataException ? e.Message : e.Message.Split('\n')[0])}. Store it as a hashtable: @{{ Site = 'https://acme.atlassian.net'; Email = 'admin@acme.example'; ApiToken = '<API token>'; AdminApiKey = '<organization API key>'; OrganizationId = '<optional>' }}.",
                "SecretUnreadable", ErrorCategory.ReadError, SecretName, e));
            throw;
        }

        string? email = VaultSecret.Text(secret, "Email");
        var token = VaultSecret.Secure(secret, "ApiToken");
        var key = VaultSecret.Secure(secret, "AdminApiKey");
        string? site = VaultSecret.Text(secret, "Site");
        return new ConnectRequest
        {
            Site = Site ?? (site is null ? null : new Uri(site, UriKind.RelativeOrAbsolute)),
            SiteCredential = email is not null && token is not null ? ApiCredential.Basic(email, token) : null,
            AdminApiKey = key is null ? null : ApiCredential.Bearer(key),
            AdminApiUri = AdminApiUri,
            OrganizationId = OrganizationId ?? VaultSecret.Text(secret, "OrganizationId"),
            Http = new HttpClientOptions { AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec) },
        };
    }

    private static ErrorCategory CategoryOf(ConnectFailure failure) => failure switch
    {
        ConnectFailure.InvalidArgument => ErrorCategory.InvalidArgument,
        ConnectFailure.WrongSite or ConnectFailure.AdminApiUnreachable => ErrorCategory.ConnectionError,
        ConnectFailure.BadToken or ConnectFailure.BadApiKey => ErrorCategory.AuthenticationError,
        ConnectFailure.NotAdministrator => ErrorCategory.PermissionDenied,
        ConnectFailure.WrongOrganization => ErrorCategory.ObjectNotFound,
        _ => ErrorCategory.NotSpecified,
    };
}
