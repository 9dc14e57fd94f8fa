namespace JiraDeactivate.Emulator.State;

/// <summary>Gives a state without credentials an admin token, a non-admin token and an org API key.</summary>
public static class StateCredentials
{
    /// <summary>The classic scopes that cover every call the module makes (contract §1.3).</summary>
    public static readonly string[] ClassicScopes = ["read:jira-user", "read:jira-work", "manage:jira-configuration"];

    public static void EnsureCredentials(StateDocument document, SecretGenerator secrets)
    {
        var credentials = document.Credentials;
        if (credentials.JiraTokens.Count == 0)
        {
            var siteAdmins = document.Groups
                .Where(g => document.SiteAdminGroups.Contains(g.Name, StringComparer.OrdinalIgnoreCase))
                .SelectMany(g => g.Members)
                .ToHashSet(StringComparer.Ordinal);
            var people = document.Users
                .Where(u => u.AccountType == "atlassian" && u.AccountStatus == "active" && !u.Suspended && u.Email is not null)
                .ToList();
            foreach (var user in new[]
            {
                people.FirstOrDefault(u => siteAdmins.Contains(u.AccountId)),
                people.FirstOrDefault(u => !siteAdmins.Contains(u.AccountId)),
            })
            {
                if (user is not null)
                {
                    credentials.JiraTokens.Add(new JiraCredentialDocument { Email = user.Email!, ApiToken = secrets.NewSecret("EMUJIRA") });
                }
            }
        }

        if (credentials.AdminApiKeys.Count == 0)
        {
            credentials.AdminApiKeys.Add(secrets.NewSecret("EMUADMIN"));
        }

        // Scoped and service-account credentials act as the site admin; drawn after the others so theirs stay the same.
        string? admin = credentials.JiraTokens.FirstOrDefault()?.Email;
        if (admin is not null && credentials.ScopedTokens.Count == 0)
        {
            credentials.ScopedTokens.Add(new ScopedTokenDocument { Email = admin, AccountEmail = admin, ApiToken = secrets.NewSecret("EMUSCOPED"), Scopes = [.. ClassicScopes] });
            credentials.ScopedTokens.Add(new ScopedTokenDocument
            {
                Email = "jira-deactivate@serviceaccount.atlassian.com",
                AccountEmail = admin,
                ApiToken = secrets.NewSecret("EMUSVC"),
                ServiceAccount = true,
                Scopes = [.. ClassicScopes],
            });
        }

        // Far enough out that no test warns unless it moves a date closer.
        var expiresAt = new DateTimeOffset(2027, 9, 30, 0, 0, 0, TimeSpan.Zero);
        if (credentials.ApiKeyInventory.Count == 0)
        {
            credentials.ApiKeyInventory.Add(new InventoryEntryDocument { Id = "key-1", Name = "jira-deactivate", ExpiresAt = expiresAt });
        }

        var adminUser = admin is null ? null : document.Users.FirstOrDefault(u => string.Equals(u.Email, admin, StringComparison.OrdinalIgnoreCase));
        if (adminUser is not null && credentials.ApiTokenInventory.Count == 0)
        {
            credentials.ApiTokenInventory.Add(new InventoryEntryDocument { Id = "token-1", Name = "jira-deactivate", AccountId = adminUser.AccountId, ExpiresAt = expiresAt.AddDays(30) });
        }

        if (admin is not null && credentials.OAuthClients.Count == 0)
        {
            credentials.OAuthClients.Add(new OAuthClientDocument { ClientId = secrets.NewSecret("emuclient")[..24], ClientSecret = secrets.NewSecret("EMUOAUTH"), AccountEmail = admin, Scopes = [.. ClassicScopes] });
        }
    }
}
