using JiraDeactivate.Core.Paths;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate;

public abstract partial class JiraCmdlet
{
    /// <summary>
    /// The run's reader of how users hold a product besides Jira's groups (the Admin API); without it, one warning
    /// that direct roles and synced groups cannot be seen (unless <paramref name="whatFollows"/> is null), and null.
    /// </summary>
    private protected AccessPathReader? AccessPathsOf(JiraAdminSession session, string? whatFollows)
    {
        if (session.AccessPaths is { } client && session.Organization is { } organization && session.Lifecycle is { } lifecycle)
        {
            return new AccessPathReader(client, organization.Id, token => lifecycle.GetDirectoryIdsAsync(organization.Id, token), session.CloudId, session.Site);
        }

        if (whatFollows is not null)
        {
            WriteWarning($"Without the Admin API, roles assigned directly and groups synced from an identity provider cannot be seen: {whatFollows} Connect with -AdminApiKey to see every path.");
        }

        return null;
    }
}
