namespace JiraDeactivate.Emulator.State;

/// <summary>
/// The paths besides groups by which a user holds a product (contract §2.6b): a role assigned directly, and groups an
/// identity provider syncs, whose memberships its next sync puts back.
/// </summary>
public sealed partial class OrgState
{
    /// <summary>How the user holds each Jira product: by a granting group, by a direct role, or both; null for an unknown user.</summary>
    public IReadOnlyList<RoleAssignmentView>? RoleAssignments(string accountId)
    {
        lock (_gate)
        {
            if (!_usersById.TryGetValue(accountId, out var user))
            {
                return null;
            }

            return [.. _products.Where(p => p.ApplicationRole)
                .Select(p => new RoleAssignmentView(p, p.Groups.Any(g => _groupsById[g.GroupId].Members.Contains(accountId)), user.DirectRoles.Contains(p.Key, StringComparer.Ordinal)))
                .Where(r => r.ByGroup || r.Direct)];
        }
    }

    /// <summary>
    /// Revoke user access: takes away the user's direct role on the product and, when <paramref name="stripGroups"/>,
    /// the memberships of the product's granting groups that are not synced (the Admin API leaves synced ones alone).
    /// </summary>
    public AccessOutcome RevokeRole(string accountId, string productKey, bool stripGroups)
    {
        lock (_gate)
        {
            if (!_usersById.TryGetValue(accountId, out var user))
            {
                return AccessOutcome.UserNotFound;
            }

            if (user.OrgAdmin)
            {
                return AccessOutcome.NotAllowed;
            }

            bool changed = user.DirectRoles.Remove(productKey);
            if (stripGroups && _products.FirstOrDefault(p => p.Key == productKey) is { } product)
            {
                foreach (var group in product.Groups.Select(g => _groupsById[g.GroupId]).Where(g => !g.Synced))
                {
                    changed |= group.Members.Remove(accountId);
                }
            }

            if (changed)
            {
                _version++;
            }

            return AccessOutcome.Changed;
        }
    }

    /// <summary>Grant user access: assigns the product's role to the user directly.</summary>
    public AccessOutcome AssignRole(string accountId, string productKey)
    {
        lock (_gate)
        {
            if (!_usersById.TryGetValue(accountId, out var user))
            {
                return AccessOutcome.UserNotFound;
            }

            if (!user.DirectRoles.Contains(productKey, StringComparer.Ordinal))
            {
                user.DirectRoles.Add(productKey);
                _version++;
            }

            return AccessOutcome.Changed;
        }
    }

    /// <summary>The identity provider's next sync: every synced group's members become the provider's again. Returns the memberships put back.</summary>
    public int SyncIdentityProvider()
    {
        lock (_gate)
        {
            int restored = 0;
            foreach (var group in _groups.Where(g => g.Synced))
            {
                restored += group.IdentityProviderMembers.Count(id => !group.Members.Contains(id));
                group.Members.Clear();
                group.Members.UnionWith(group.IdentityProviderMembers);
            }

            if (restored > 0)
            {
                _version++;
            }

            return restored;
        }
    }
}
