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
    private const string AccessTokenSet = "AccessToken";
    private const string ClientSecretSet = "ClientSecret";
    private const string ClientSecretCredentialSet = "ClientSecretCredential";

    /// <summary>The Jira site, e.g. https://acme.atlassian.net, or its gateway address https://api.atlassian.com/ex/jira/&lt;cloudId&gt;.</summary>
    [Parameter(Position = 0, ParameterSetName = CredentialSet)]
    [Parameter(ParameterSetName = VaultSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = AccessTokenSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ClientSecretSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ClientSecretCredentialSet)]
    public Uri? Site { get; set; }

    /// <summary>The admin's email (user name) and API token (password), for the site's Jira REST API.</summary>
    [Parameter(Position = 1, ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>A service account's scoped API token, sent as a bearer token through the gateway.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
    public SecureString? AccessToken { get; set; }

    /// <summary>The client ID of a service account's OAuth 2.0 credential (client credentials).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    [ValidateNotNullOrEmpty]
    public string? ClientId { get; set; }

    /// <summary>The client secret of the service account's OAuth 2.0 credential.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    public SecureString? ClientSecret { get; set; }

    /// <summary>The OAuth 2.0 credential as a PSCredential: the client ID as the user name, the client secret as the password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretCredentialSet)]
    [Credential]
    public PSCredential? ClientSecretCredential { get; set; }

    /// <summary>An organization admin API key, for last-active dates from the Admin API.</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [Parameter(ParameterSetName = AccessTokenSet)]
    [Parameter(ParameterSetName = ClientSecretSet)]
    [Parameter(ParameterSetName = ClientSecretCredentialSet)]
    public SecureString? AdminApiKey { get; set; }

    /// <summary>The organization; without it, the only organization the key can manage.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OrganizationId { get; set; }

    /// <summary>The Admin API's address; default https://api.atlassian.com.</summary>
    [Parameter]
    public Uri AdminApiUri { get; set; } = ConnectRequest.DefaultAdminApiUri;

    /// <summary>Atlassian's API gateway, which scoped tokens and service accounts need; default https://api.atlassian.com.</summary>
    [Parameter]
    public Uri GatewayUri { get; set; } = GatewayAddress.DefaultGatewayUri;

    /// <summary>The OAuth 2.0 token endpoint for -ClientId; default https://auth.atlassian.com/oauth/token.</summary>
    [Parameter]
    public Uri TokenUri { get; set; } = s_defaultTokenUri;

    /// <summary>The SecretManagement vault that holds the connection secret.</summary>
    [Parameter(Mandatory = true, ParameterSetName = VaultSet)]
    [ValidateNotNullOrEmpty]
    public string Vault { get; set; } = string.Empty;

    /// <summary>The name of the secret: a hashtable with Site, Email, ApiToken (or AccessToken, or ClientId and ClientSecret), AdminApiKey and OrganizationId.</summary>
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

    private static readonly Uri s_defaultTokenUri = new("https://auth.atlassian.com/oauth/token");

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
        foreach (string note in session!.Notes)
        {
            WriteVerbose(note);
        }

        foreach (string warning in session.Warnings)
        {
            WriteWarning(warning);
        }

        WriteVerbose($"Connected: {session.Connection}.");
        if (PassThru)
        {
            WriteObject(session.Connection);
        }
    }

    private ConnectRequest RequestFromParameters() => new()
    {
        Site = Site,
        SiteCredential = ParameterSetName switch
        {
            AccessTokenSet => ApiCredential.BearerToken(AccessToken!),
            ClientSecretSet => ApiCredential.ClientCredentials(ClientId!, ClientSecret!, TokenUri),
            ClientSecretCredentialSet => ApiCredential.ClientCredentials(ClientSecretCredential!.UserName, ClientSecretCredential.Password, TokenUri),
            _ => Credential is null ? null : ApiCredential.Basic(Credential.UserName, Credential.Password),
        },
        AdminApiKey = AdminApiKey is null ? null : ApiCredential.Bearer(AdminApiKey),
        AdminApiUri = AdminApiUri,
        GatewayUri = GatewayUri,
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
                $"Could not read the secret '{SecretName}' from the vault '{Vault}' as a connection: {(e is InvalidDataException ? e.Message : e.Message.Split('\n')[0])}. Store it as a hashtable: @{{ Site = 'https://acme.atlassian.net'; Email = 'admin@acme.example'; ApiToken = '<API token>'; AdminApiKey = '<organization API key>'; OrganizationId = '<optional>' }} (a service account: ClientId and ClientSecret, or AccessToken, instead of Email and ApiToken).",
                "SecretUnreadable", ErrorCategory.ReadError, SecretName, e));
            throw;
        }

        string? email = VaultSecret.Text(secret, "Email");
        var token = VaultSecret.Secure(secret, "ApiToken");
        var bearer = VaultSecret.Secure(secret, "AccessToken");
        string? clientId = VaultSecret.Text(secret, "ClientId");
        var clientSecret = VaultSecret.Secure(secret, "ClientSecret");
        var key = VaultSecret.Secure(secret, "AdminApiKey");
        string? site = VaultSecret.Text(secret, "Site");
        return new ConnectRequest
        {
            Site = Site ?? (site is null ? null : new Uri(site, UriKind.RelativeOrAbsolute)),
            SiteCredential = email is not null && token is not null ? ApiCredential.Basic(email, token)
                : clientId is not null && clientSecret is not null ? ApiCredential.ClientCredentials(clientId, clientSecret, TokenUri)
                : bearer is not null ? ApiCredential.BearerToken(bearer)
                : null,
            AdminApiKey = key is null ? null : ApiCredential.Bearer(key),
            AdminApiUri = AdminApiUri,
            GatewayUri = GatewayUri,
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
