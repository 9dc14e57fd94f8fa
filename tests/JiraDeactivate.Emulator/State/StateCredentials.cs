namespace JiraDeactivate.Emulator.State;

/// <summary>Gives a state without credentials an admin token, a non-admin token and an org API key.</summary>
public static class StateCredentials
{
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
    }
}
