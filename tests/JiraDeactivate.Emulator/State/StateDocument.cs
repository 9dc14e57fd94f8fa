namespace JiraDeactivate.Emulator.State;

/// <summary>
/// The emulator's whole state as JSON: what --state loads and GET /_emulator/state returns.
/// Users belong to the org that holds the site; further orgs exist for org discovery only.
/// </summary>
public sealed class StateDocument
{
    public DateOnly AsOf { get; set; }

    public List<OrgDocument> Orgs { get; set; } = [];

    public SiteDocument Site { get; set; } = new();

    public List<ProductDocument> Products { get; set; } = [];

    public List<GroupDocument> Groups { get; set; } = [];

    /// <summary>Members of these groups are site admins: they may change group membership.</summary>
    public List<string> SiteAdminGroups { get; set; } = [];

    /// <summary>Members of these groups hold the global ADMINISTER ("Administer Jira") permission.</summary>
    public List<string> AdministerGroups { get; set; } = [];

    public List<UserDocument> Users { get; set; } = [];

    public CredentialsDocument Credentials { get; set; } = new();
}

public sealed class OrgDocument
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The org's (single) user directory, for the v2 Admin API.</summary>
    public string DirectoryId { get; set; } = "";
}

public sealed class SiteDocument
{
    /// <summary>The sub-domain, as in the CSV column names ("Last seen in Jira - acme").</summary>
    public string Name { get; set; } = "";

    public string CloudId { get; set; } = "";

    public string OrgId { get; set; } = "";
}

public sealed class ProductDocument
{
    /// <summary>Jira application key (jira-software, jira-servicedesk) or the product key (confluence).</summary>
    public string Key { get; set; } = "";

    /// <summary>The key in the Admin API's last-active-dates (jira-service-desk for JSM).</summary>
    public string AdminKey { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The product name in the Export-users CSV columns ("Jira", "Jira Service Management").</summary>
    public string CsvName { get; set; } = "";

    /// <summary>True for Jira applications, which /rest/api/3/applicationrole lists.</summary>
    public bool ApplicationRole { get; set; }

    public bool Platform { get; set; }

    public int NumberOfSeats { get; set; }

    /// <summary>The noun of userCountDescription ("users", "agents").</summary>
    public string UserCountNoun { get; set; } = "users";

    /// <summary>Names of the groups granting access to this product.</summary>
    public List<string> Groups { get; set; } = [];

    public List<string> DefaultGroups { get; set; } = [];
}

public sealed class GroupDocument
{
    public string GroupId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Account ids of the members.</summary>
    public List<string> Members { get; set; } = [];

    /// <summary>True for a group an identity provider syncs (SCIM): the Admin API will not change its members.</summary>
    public bool Synced { get; set; }

    /// <summary>
    /// A synced group's members as the identity provider has them: what its next sync (POST
    /// /_emulator/identity-provider/sync) puts back. Null: the members as loaded.
    /// </summary>
    public List<string>? IdentityProviderMembers { get; set; }
}

public sealed class UserDocument
{
    public string AccountId { get; set; } = "";

    /// <summary>atlassian, app or customer.</summary>
    public string AccountType { get; set; } = "atlassian";

    public string DisplayName { get; set; } = "";

    public string? Email { get; set; }

    /// <summary>False when the user hides the email: Jira then answers emailAddress null.</summary>
    public bool EmailVisible { get; set; } = true;

    public string TimeZone { get; set; } = "UTC";

    public string Locale { get; set; } = "en_US";

    /// <summary>active, inactive (deactivated account) or closed.</summary>
    public string AccountStatus { get; set; } = "active";

    /// <summary>Org access suspended (suspend-access): no product access, groups kept.</summary>
    public bool Suspended { get; set; }

    /// <summary>A managed account (its email domain is verified by the org).</summary>
    public bool Managed { get; set; } = true;

    public bool OrgAdmin { get; set; }

    public DateOnly? AddedToOrg { get; set; }

    /// <summary>
    /// Products (Jira application keys, e.g. jira-software) whose role atlassian/user is assigned to the user directly
    /// (roleAssignmentMethods "direct"): access no Jira group call can see.
    /// </summary>
    public List<string> DirectRoles { get; set; } = [];

    /// <summary>Last active date per product, keyed by the Admin API product key; a missing key = never used.</summary>
    public Dictionary<string, DateOnly> LastActive { get; set; } = [];
}

public sealed class CredentialsDocument
{
    /// <summary>Jira Basic-auth credentials; the email names the user.</summary>
    public List<JiraCredentialDocument> JiraTokens { get; set; } = [];

    /// <summary>Org API keys accepted as Bearer tokens by the Admin API (for every org).</summary>
    public List<string> AdminApiKeys { get; set; } = [];

    /// <summary>Scoped API tokens: accepted only through the gateway, as Basic with the email or (service accounts) as Bearer.</summary>
    public List<ScopedTokenDocument> ScopedTokens { get; set; } = [];

    /// <summary>Service accounts' OAuth 2.0 client credentials, exchanged at POST /oauth/token for access tokens.</summary>
    public List<OAuthClientDocument> OAuthClients { get; set; } = [];

    /// <summary>The organization's API keys as GET /admin/api-access/v1/orgs/{orgId}/api-keys lists them (no secret).</summary>
    public List<InventoryEntryDocument> ApiKeyInventory { get; set; } = [];

    /// <summary>Managed accounts' API tokens as …/api-tokens lists them (no secret).</summary>
    public List<InventoryEntryDocument> ApiTokenInventory { get; set; } = [];
}

public sealed class InventoryEntryDocument
{
    public string Id { get; set; } = "";

    /// <summary>The key's name or the token's label.</summary>
    public string Name { get; set; } = "";

    /// <summary>The token's account (API tokens only).</summary>
    public string? AccountId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public List<string> Scopes { get; set; } = [];
}

public sealed class ScopedTokenDocument
{
    /// <summary>The email sent with the token as Basic (a person's, or …@serviceaccount.atlassian.com).</summary>
    public string Email { get; set; } = "";

    /// <summary>
    /// The email of the state's user the token acts as. The emulator's service account acts with an existing admin's
    /// account, so that its users, groups and export stay the same whatever credential is used.
    /// </summary>
    public string AccountEmail { get; set; } = "";

    public string ApiToken { get; set; } = "";

    /// <summary>True for a service account's token, which is also accepted as Bearer.</summary>
    public bool ServiceAccount { get; set; }

    /// <summary>Classic or granular scopes (contract §1.3).</summary>
    public List<string> Scopes { get; set; } = [];
}

public sealed class OAuthClientDocument
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>The email of the state's user the client's access tokens act as (see <see cref="ScopedTokenDocument.AccountEmail"/>).</summary>
    public string AccountEmail { get; set; } = "";

    public List<string> Scopes { get; set; } = [];
}

public sealed class JiraCredentialDocument
{
    public string Email { get; set; } = "";

    public string ApiToken { get; set; } = "";
}
