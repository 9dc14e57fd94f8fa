namespace JiraDeactivate.Emulator.State;

/// <summary>Scoped tokens, service accounts and OAuth clients (contract §1.3).</summary>
public sealed partial class OrgState
{
    public ServiceCredentialsView GetServiceCredentials()
    {
        lock (_gate)
        {
            var credentials = _document.Credentials;
            var scoped = credentials.ScopedTokens.FirstOrDefault(t => !t.ServiceAccount);
            var service = credentials.ScopedTokens.FirstOrDefault(t => t.ServiceAccount);
            var client = credentials.OAuthClients.FirstOrDefault();
            return new ServiceCredentialsView(
                scoped?.Email ?? "", scoped?.ApiToken ?? "", service?.Email ?? "", service?.ApiToken ?? "", client?.ClientId ?? "", client?.ClientSecret ?? "");
        }
    }

    /// <summary>A scoped API token sent as Basic with its email; null when unknown.</summary>
    public ScopedCaller? AuthenticateScoped(string email, string apiToken)
    {
        lock (_gate)
        {
            var token = _document.Credentials.ScopedTokens.FirstOrDefault(t =>
                string.Equals(t.Email, email, StringComparison.OrdinalIgnoreCase) && string.Equals(t.ApiToken, apiToken, StringComparison.Ordinal));
            return token is not null && CallerFor(token.AccountEmail) is { } caller ? new ScopedCaller(caller, [.. token.Scopes]) : null;
        }
    }

    /// <summary>A service account's scoped token sent as Bearer; null when unknown or not a service account's.</summary>
    public ScopedCaller? AuthenticateServiceAccountBearer(string apiToken)
    {
        lock (_gate)
        {
            var token = _document.Credentials.ScopedTokens.FirstOrDefault(t => t.ServiceAccount && string.Equals(t.ApiToken, apiToken, StringComparison.Ordinal));
            return token is not null && CallerFor(token.AccountEmail) is { } caller ? new ScopedCaller(caller, [.. token.Scopes]) : null;
        }
    }

    /// <summary>The OAuth client with this ID and secret, as the account and scopes its access tokens carry; null when refused.</summary>
    public ScopedCaller? AuthenticateClient(string clientId, string clientSecret)
    {
        lock (_gate)
        {
            var client = _document.Credentials.OAuthClients.FirstOrDefault(c =>
                string.Equals(c.ClientId, clientId, StringComparison.Ordinal) && string.Equals(c.ClientSecret, clientSecret, StringComparison.Ordinal));
            return client is not null && CallerFor(client.AccountEmail) is { } caller ? new ScopedCaller(caller, [.. client.Scopes]) : null;
        }
    }

    /// <summary>Copies of the API key (or, with <paramref name="tokens"/>, API token) inventory.</summary>
    public IReadOnlyList<InventoryEntryDocument> CredentialInventory(bool tokens)
    {
        lock (_gate)
        {
            var list = tokens ? _document.Credentials.ApiTokenInventory : _document.Credentials.ApiKeyInventory;
            return [.. list.Select(e => new InventoryEntryDocument { Id = e.Id, Name = e.Name, AccountId = e.AccountId, ExpiresAt = e.ExpiresAt, Scopes = [.. e.Scopes] })];
        }
    }

    // Under _gate.
    private JiraCaller? CallerFor(string email)
    {
        var user = FindUserByEmail(email);
        if (user is null || user.AccountStatus != "active" || user.Suspended)
        {
            return null;
        }

        var isSiteAdmin = IsSiteAdmin(user.AccountId);
        var canAdminister = isSiteAdmin || IsInAny(user.AccountId, _document.AdministerGroups);
        return new JiraCaller(ToView(user), isSiteAdmin, canAdminister);
    }
}

/// <summary>A caller authenticated by a scoped credential, with the scopes it carries.</summary>
public sealed record ScopedCaller(JiraCaller Caller, IReadOnlyList<string> Scopes);

public sealed record ServiceCredentialsView(string ScopedEmail, string ScopedApiToken, string ServiceAccountEmail, string ServiceAccountToken, string ClientId, string ClientSecret);
