using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Paths;
using JiraDeactivate.Core.Protections;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Decides what a removal will do for one user, reading the user's groups; changes nothing. Protections are
/// checked first, so a protected user is skipped whatever the input says.
/// </summary>
/// <remarks>
/// When the run has a <see cref="LastLook"/> (the Admin API), a user about to change is judged again with fresh
/// activity data, and skipped when no longer inactive: at planning when <paramref name="lookWhenPlanning"/> (a
/// preview or a plan), else right before the change (<see cref="LookAsync"/>, called by <see cref="RemovalChange"/>).
/// <paramref name="directoryEmail"/> gives a user's email from the Admin API when Jira and the input give none.
/// <paramref name="reads"/> gives the users' memberships (per user, or a snapshot of the groups; default per user).
/// <paramref name="paths"/> (the Admin API) shows the paths besides groups: a user who also holds the product through
/// a synced group is left unchanged, and a direct role is planned for revoking; without it every granting group is
/// taken as local, and a user whom no group grants the product though Jira lists it is skipped.
/// </remarks>
public sealed class RemovalPlanner(JiraRestClient jira, ProductRoleCache roles, string? siteName, ProtectionPolicy policy, ILastLook? lastLook = null,
    bool lookWhenPlanning = true, Func<string, CancellationToken, Task<string?>>? directoryEmail = null, RemovalReads? reads = null, AccessPathReader? paths = null)
{
    private readonly RemovalReads _reads = reads ?? new RemovalReads(jira, roles, ReadMode.PerUser);

    /// <summary>True when the last look is left for right before each change.</summary>
    public bool LooksBeforeChange => lastLook is not null && !lookWhenPlanning;

    /// <summary>Where the plan's and the verification's facts come from.</summary>
    public RemovalReads Reads => _reads;

    /// <summary>The bulk reads for planning <paramref name="requests"/> (the last look too, in a preview), when cheaper than one read per user.</summary>
    public Task PrepareAsync(IReadOnlyList<RemovalRequest> requests, CancellationToken cancellationToken) =>
        _reads.PrepareAsync(requests, policy, lastLook is not null && lookWhenPlanning, cancellationToken);

    public async Task<RemovalPlan> PlanAsync(RemovalRequest request, CancellationToken cancellationToken)
    {
        var judgment = request.Judgment;
        if (policy.ByInput(request.AccountId, request.Site, siteName, request.OrgRole, request.Email, judgment?.SealedEmail, judgment is null || judgment.Fresh || judgment.OrgRoleReported) is { } refused)
        {
            return Skip(request, null, refused.Kind, refused.Reason);
        }

        JiraUserAccess? access;
        try
        {
            access = await _reads.AccessAsync(request.AccountId, cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException e)
        {
            return new RemovalPlan(request, null, [], RemovalStatus.Failed, $"reading the user's groups failed: {e.Message}", "failed", Failure: e);
        }

        if (access is null)
        {
            return new RemovalPlan(request, null, [], RemovalStatus.Failed, "Jira knows no user with this account ID", "unknown account");
        }

        var account = access.Account;
        if (policy.ByAccount(access) is { } protectedAccount)
        {
            return Skip(request, account, protectedAccount.Kind, protectedAccount.Reason);
        }

        if (await ByDirectoryEmailAsync(request, account, cancellationToken).ConfigureAwait(false) is { } unknownEmail)
        {
            return Skip(request, account, unknownEmail.Kind, unknownEmail.Reason);
        }

        var productRole = await roles.GetAsync(request.Product, cancellationToken).ConfigureAwait(false);
        var plan = await HoldingAsync(request, account, access, productRole, cancellationToken).ConfigureAwait(false);
        return plan.ChangesAccess && lookWhenPlanning ? await LookAsync(plan, cancellationToken).ConfigureAwait(false) : plan;
    }

    // Every path that grants the product: synced groups leave the user unchanged; local groups and a direct role are freed.
    private async Task<RemovalPlan> HoldingAsync(RemovalRequest request, JiraAccount account, JiraUserAccess access, ProductRole productRole, CancellationToken cancellationToken)
    {
        ProductHolding holding;
        string? resource = null;
        try
        {
            holding = paths is null ? AccessPathReader.FromJira(access, productRole) : await paths.HoldingAsync(access, productRole, request.Product, cancellationToken).ConfigureAwait(false);
            resource = paths is null ? null : (await paths.WorkspaceAsync(request.Product, cancellationToken).ConfigureAwait(false)).Id;
        }
        catch (AtlassianApiException e)
        {
            // A protection that cannot be checked skips the user.
            return Skip(request, account, "access paths unreadable", $"not changed: how the user holds {request.Product} cannot be read ({e.Message})");
        }

        var product = request.Product;
        if (holding.SyncedGroups.Count > 0)
        {
            string names = string.Join(", ", holding.SyncedGroups.Select(g => $"'{g.Name}'"));
            return new RemovalPlan(request, account, [], RemovalStatus.ManagedByIdentityProvider,
                $"holds {product} through {names}, synced from an identity provider: nothing is changed here (its next sync would put the access back); remove the user from {(holding.SyncedGroups.Count == 1 ? "that group" : "those groups")} in the identity provider",
                "managed by the identity provider")
            { SyncedGroups = holding.SyncedGroups, Paths = holding.Paths, Resource = resource };
        }

        if (holding.LocalGroups.Count == 0 && holding.DirectRole != true)
        {
            return holding.HeldOtherwise
                ? Skip(request, account, "not by a group", paths is null
                    ? $"Jira lists {product} among the user's application roles, but no group grants it: the seat is held by a path Jira cannot change (a role assigned directly). Connect with -AdminApiKey to revoke it"
                    : $"Jira lists {product} among the user's application roles, but neither a group nor a direct role grants it") with
                { Paths = holding.Paths }
                : new RemovalPlan(request, account, [], RemovalStatus.NoAccess, $"in no group that grants {product}{(paths is null ? string.Empty : ", and no direct role")}", "no access");
        }

        return new RemovalPlan(request, account, holding.LocalGroups, null, null) { DirectRole = holding.DirectRole == true, Resource = resource, Paths = holding.Paths };
    }

    /// <summary>
    /// The last look at a planned user: the plan with what it found, or a skip when the user is no longer inactive,
    /// cannot be judged, or the look failed. The plan unchanged when the run has no last look.
    /// </summary>
    public async Task<RemovalPlan> LookAsync(RemovalPlan plan, CancellationToken cancellationToken)
    {
        var request = plan.Request;
        if (lastLook is null || request.Judgment is not { } judgment || !plan.ChangesAccess)
        {
            return plan;
        }

        var look = await lastLook.CheckAsync(request.AccountId, request.Product, judgment, cancellationToken).ConfigureAwait(false);
        return look switch
        {
            { Failure: { } failure } => Skip(request, plan.Account, "last look failed", $"not changed: the last look at the user's activity failed ({failure})") with { LastLook = look },
            { CannotJudge: { } reason } => Skip(request, plan.Account, "cannot judge", $"not changed: the last look cannot judge the user ({reason})") with { LastLook = look },
            { Verdict.IsInactive: false } => Skip(request, plan.Account, "active since the data was read",
                $"active since the data was read ({(look.LastActive is { } seen ? $"last active {seen:yyyy-MM-dd}" : "recently added")}, within {judgment.MoreThan} days)") with
            { LastLook = look },
            _ => plan with { LastLook = look },
        };
    }

    // -Exclude by email for a user whose email Jira hides: the input's, the sealed judgment's, else the Admin API's.
    private async Task<(string Kind, string Reason)?> ByDirectoryEmailAsync(RemovalRequest request, JiraAccount account, CancellationToken cancellationToken)
    {
        string? sealedEmail = request.Judgment?.SealedEmail;
        if (policy.ByUnknownEmail(request.Email, sealedEmail, account.Email) is null)
        {
            return null;
        }

        string? email = null;
        if (directoryEmail is not null)
        {
            try
            {
                email = await directoryEmail(request.AccountId, cancellationToken).ConfigureAwait(false);
            }
            catch (AtlassianApiException)
            {
                email = null;
            }
        }

        return email is null ? policy.ByUnknownEmail(email)
            : policy.IsExcluded(request.AccountId, email) ? ("excluded", "excluded by -Exclude (the email the Admin API gives)")
            : null;
    }

    private static RemovalPlan Skip(RemovalRequest request, JiraAccount? account, string kind, string reason) =>
        new(request, account, [], RemovalStatus.Skipped, reason, kind);
}
