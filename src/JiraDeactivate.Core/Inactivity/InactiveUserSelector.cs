using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Inactivity;

/// <summary>Picks, from users' activity records, the users inactive in one product: the same for CSV and API input.</summary>
public sealed class InactiveUserSelector
{
    private readonly JiraProduct _product;
    private readonly InactivityRule _rule;
    private readonly InactiveUserFilter _filter;
    private readonly JudgmentSeal? _seal;
    private readonly GroupPaths? _groupPaths;

    /// <param name="product">The product judged.</param>
    /// <param name="rule">The rule (period and as-of time).</param>
    /// <param name="filter">Which users and sites are looked at.</param>
    /// <param name="seal">Seals each result's <see cref="InactiveJiraUser.Judgment"/>; null leaves it empty.</param>
    /// <param name="groupPaths">The product's granting and synced groups, to say how each user holds it; null when unknown.</param>
    public InactiveUserSelector(JiraProduct product, InactivityRule rule, InactiveUserFilter filter, JudgmentSeal? seal = null, GroupPaths? groupPaths = null)
    {
        _groupPaths = groupPaths;
        _product = product;
        _rule = rule;
        _filter = filter;
        _seal = seal;
    }

    /// <summary>One result per site where the user has access to the product and is inactive in it.</summary>
    public IReadOnlyList<InactiveJiraUser> Select(JiraUserActivity user)
    {
        var found = new List<InactiveJiraUser>(1);
        Select(user, found);
        return found;
    }

    /// <summary>
    /// Adds to <paramref name="found"/> one result per site where the user has access to the product and is inactive
    /// in it. For callers judging every user of a large export: nothing is allocated for an active user.
    /// </summary>
    public void Select(JiraUserActivity user, ICollection<InactiveJiraUser> found)
    {
        if (!_filter.AllowsStatus(user.StatusValue) || _filter.IsExcluded(user.AccountId, user.Email))
        {
            return;
        }

        foreach (var activity in user.Products)
        {
            if (activity.ProductValue != _product || activity.HasAccess == false || !activity.LastSeenReported || !_filter.AllowsSite(activity.Site))
            {
                continue;
            }

            var verdict = _rule.Evaluate(activity.LastSeen, user.AddedToOrg);
            if (verdict.IsInactive)
            {
                var (paths, synced) = _groupPaths?.Of(user.Groups, user.AccessPaths) ?? (user.AccessPaths, []);
                found.Add(new InactiveJiraUser
                {
                    AccountId = user.AccountId,
                    DisplayName = user.DisplayName,
                    Email = user.Email,
                    ProductValue = _product,
                    Site = activity.Site,
                    LastActive = activity.LastSeen,
                    DaysInactive = verdict.DaysInactive,
                    NeverActive = verdict.NeverActive,
                    AddedToOrg = user.AddedToOrg,
                    StatusValue = user.StatusValue,
                    OrgRole = user.OrgRole,
                    Groups = user.Groups,
                    AccessPaths = paths,
                    SyncedGroups = synced,
                    SourceValue = user.SourceValue,
                    MoreThan = _rule.MoreThanDays,
                    AsOf = _rule.AsOf,
                    Judgment = _seal?.Seal(new JudgmentPayload(user.AccountId, _product.ToString(), activity.Site, _rule.MoreThanDays, _rule.AsOf, _seal.Now,
                        user.Email, user.OrgRole, user.OrgRoleReported)),
                });
            }
        }
    }
}
