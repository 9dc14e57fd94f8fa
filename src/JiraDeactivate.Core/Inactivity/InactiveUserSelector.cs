using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Inactivity;

/// <summary>Picks, from users' activity records, the users inactive in one product: the same for CSV and API input.</summary>
public sealed class InactiveUserSelector
{
    private readonly JiraProduct _product;
    private readonly InactivityRule _rule;
    private readonly InactiveUserFilter _filter;

    public InactiveUserSelector(JiraProduct product, InactivityRule rule, InactiveUserFilter filter)
    {
        _product = product;
        _rule = rule;
        _filter = filter;
    }

    /// <summary>One result per site where the user has access to the product and is inactive in it.</summary>
    public IEnumerable<InactiveJiraUser> Select(JiraUserActivity user)
    {
        if (!_filter.AllowsStatus(user.Status) || _filter.IsExcluded(user.AccountId, user.Email))
        {
            yield break;
        }

        foreach (var activity in user.Products)
        {
            if (activity.Product != _product || activity.HasAccess == false || !activity.LastSeenReported || !_filter.AllowsSite(activity.Site))
            {
                continue;
            }

            var verdict = _rule.Evaluate(activity.LastSeen, user.AddedToOrg);
            if (verdict.IsInactive)
            {
                yield return new InactiveJiraUser
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
                    StatusValue = user.Status,
                    OrgRole = user.OrgRole,
                    SourceValue = user.Source,
                    MoreThan = _rule.MoreThanDays,
                    AsOf = _rule.AsOf,
                };
            }
        }
    }
}
