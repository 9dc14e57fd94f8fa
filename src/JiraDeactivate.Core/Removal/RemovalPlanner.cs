using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Decides what a removal will do for one user, reading the user's groups; changes nothing. Protections are
/// checked first, so a protected user is skipped whatever the input says.
/// </summary>
public sealed class RemovalPlanner(JiraRestClient jira, ProductRoleCache roles, string? siteName, ProtectionPolicy policy)
{
    public async Task<RemovalPlan> PlanAsync(RemovalRequest request, CancellationToken cancellationToken)
    {
        if (request.Site is { Length: > 0 } site && siteName is not null && !string.Equals(site, siteName, StringComparison.OrdinalIgnoreCase))
        {
            return Skip(request, null, $"the input is about site '{site}', but the connection is to '{siteName}'");
        }

        if (string.Equals(request.AccountId, policy.ConnectedAccountId, StringComparison.Ordinal))
        {
            return Skip(request, null, "the connected admin is never removed");
        }

        if (policy.Unchecked is { } uncheckedReason)
        {
            return Skip(request, null, uncheckedReason);
        }

        if (request.OrgRole is { } role && role.Contains("admin", StringComparison.OrdinalIgnoreCase))
        {
            return Skip(request, null, $"organization role '{role}': admins are protected");
        }

        if (policy.OrganizationAdmins?.Contains(request.AccountId) == true)
        {
            return Skip(request, null, "an organization admin (Admin API): admins are protected");
        }

        if (policy.IsExcluded(request.AccountId, request.Email))
        {
            return Skip(request, null, "excluded by -Exclude");
        }

        JiraUserAccess? access;
        try
        {
            access = await jira.GetUserAccessAsync(request.AccountId, cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException e)
        {
            return new RemovalPlan(request, null, [], RemovalStatus.Failed, $"reading the user's groups failed: {e.Message}");
        }

        if (access is null)
        {
            return new RemovalPlan(request, null, [], RemovalStatus.Failed, "Jira knows no user with this account ID");
        }

        var account = access.Account;
        if (policy.IsExcluded(account.AccountId, account.Email))
        {
            return Skip(request, account, "excluded by -Exclude");
        }

        if (account.IsApp && !policy.IncludeAppAccounts)
        {
            return Skip(request, account, "an app account (add -IncludeAppAccounts to change it)");
        }

        var protectedGroups = access.Groups.Where(policy.IsProtected).Select(g => $"'{g.Name}'").ToList();
        if (protectedGroups.Count > 0)
        {
            return Skip(request, account, $"member of the protected group {string.Join(", ", protectedGroups)}");
        }

        var productRole = await roles.GetAsync(request.Product, cancellationToken).ConfigureAwait(false);
        var granting = ProductRoleCache.Granting(productRole, access.Groups);
        return granting.Count == 0
            ? new RemovalPlan(request, account, [], RemovalStatus.NoAccess, $"in no group that grants {request.Product}")
            : new RemovalPlan(request, account, granting, null, null);
    }

    private static RemovalPlan Skip(RemovalRequest request, JiraAccount? account, string reason) =>
        new(request, account, [], RemovalStatus.Skipped, reason);
}
