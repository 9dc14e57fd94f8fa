using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Decides what a removal will do for one user, reading the user's groups; changes nothing. Protections are
/// checked first, so a protected user is skipped whatever the input says.
/// </summary>
/// <remarks>
/// When the run has a <see cref="LastLook"/> (the Admin API), a user about to change is judged again with fresh
/// activity data, and skipped when no longer inactive.
/// </remarks>
public sealed class RemovalPlanner(JiraRestClient jira, ProductRoleCache roles, string? siteName, ProtectionPolicy policy, LastLook? lastLook = null)
{
    public async Task<RemovalPlan> PlanAsync(RemovalRequest request, CancellationToken cancellationToken)
    {
        if (request.Site is { Length: > 0 } site && siteName is not null && !string.Equals(site, siteName, StringComparison.OrdinalIgnoreCase))
        {
            return Skip(request, null, "other site", $"the input is about site '{site}', but the connection is to '{siteName}'");
        }

        if (string.Equals(request.AccountId, policy.ConnectedAccountId, StringComparison.Ordinal))
        {
            return Skip(request, null, "connected admin", "the connected admin is never removed");
        }

        if (policy.Unchecked is { } uncheckedReason)
        {
            return Skip(request, null, "protection not checked", uncheckedReason);
        }

        if (request.OrgRole is { } role && role.Contains("admin", StringComparison.OrdinalIgnoreCase))
        {
            return Skip(request, null, "organization admin", $"organization role '{role}': admins are protected");
        }

        if (policy.OrganizationAdmins?.Contains(request.AccountId) == true)
        {
            return Skip(request, null, "organization admin", "an organization admin (Admin API): admins are protected");
        }

        if (policy.IsExcluded(request.AccountId, request.Email))
        {
            return Skip(request, null, "excluded", "excluded by -Exclude");
        }

        JiraUserAccess? access;
        try
        {
            access = await jira.GetUserAccessAsync(request.AccountId, cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException e)
        {
            return new RemovalPlan(request, null, [], RemovalStatus.Failed, $"reading the user's groups failed: {e.Message}", "failed");
        }

        if (access is null)
        {
            return new RemovalPlan(request, null, [], RemovalStatus.Failed, "Jira knows no user with this account ID", "unknown account");
        }

        var account = access.Account;
        if (policy.IsExcluded(account.AccountId, account.Email))
        {
            return Skip(request, account, "excluded", "excluded by -Exclude");
        }

        if (account.IsApp && !policy.IncludeAppAccounts)
        {
            return Skip(request, account, "app account", "an app account (add -IncludeAppAccounts to change it)");
        }

        var protectedGroups = access.Groups.Where(policy.IsProtected).Select(g => $"'{g.Name}'").ToList();
        if (protectedGroups.Count > 0)
        {
            return Skip(request, account, "protected group", $"member of the protected group {string.Join(", ", protectedGroups)}");
        }

        var productRole = await roles.GetAsync(request.Product, cancellationToken).ConfigureAwait(false);
        var granting = ProductRoleCache.Granting(productRole, access.Groups);
        if (granting.Count == 0)
        {
            return new RemovalPlan(request, account, [], RemovalStatus.NoAccess, $"in no group that grants {request.Product}", "no access");
        }

        if (lastLook is null || request.Judgment is not { } judgment)
        {
            return new RemovalPlan(request, account, granting, null, null);
        }

        var look = await lastLook.CheckAsync(request.AccountId, request.Product, judgment, cancellationToken).ConfigureAwait(false);
        return look switch
        {
            { Failure: { } failure } => Skip(request, account, "last look failed", $"not changed: the last look at the user's activity failed ({failure})") with { LastLook = look },
            { Verdict.IsInactive: false } => Skip(request, account, "active since the data was read",
                $"active since the data was read ({(look.LastActive is { } seen ? $"last active {seen:yyyy-MM-dd}" : "recently added")}, within {judgment.MoreThan} days)") with { LastLook = look },
            _ => new RemovalPlan(request, account, granting, null, null, LastLook: look),
        };
    }

    private static RemovalPlan Skip(RemovalRequest request, JiraAccount? account, string kind, string reason) =>
        new(request, account, [], RemovalStatus.Skipped, reason, kind);
}
