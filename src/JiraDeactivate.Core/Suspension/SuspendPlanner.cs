using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Protections;

namespace JiraDeactivate.Core.Suspension;

/// <summary>
/// Decides whether a user's access to the organization will be suspended; changes nothing. Protections come first
/// (the same as a removal's), then the user's status, then activity: a suspension cuts every product, not just the
/// one judged, so a user active in any product within the judgment's window is skipped unless forced.
/// </summary>
/// <remarks>
/// The judged product (the sealed judgment's, or for a fresh judgment the Jira products the user holds) is judged
/// like a removal's last look, with the join-date grace, and -Force never overrides it: -Force overrides only
/// activity in other products. The activity is read at planning and again right before the change
/// (<see cref="SuspensionPlan.LookAgain"/>). With <paramref name="bulk"/>, both looks read the v2 user search for the
/// whole run, once each, and the per-user answer only where the search is not sure.
/// </remarks>
public sealed class SuspendPlanner(JiraRestClient jira, AdminApiClient admin, AdminLifecycleClient lifecycle, string organizationId, string? siteName,
    ProtectionPolicy policy, bool force, TimeProvider? time = null, string? cloudId = null, BulkActivity? bulk = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<SuspensionPlan> PlanAsync(UserLifecycleRequest request, CancellationToken cancellationToken)
    {
        string id = request.AccountId;
        var requestJudgment = request.Judgment;
        if (policy.ByInput(id, request.Site, siteName, request.OrgRole, request.Email, requestJudgment?.SealedEmail, requestJudgment is null || requestJudgment.Fresh || requestJudgment.OrgRoleReported) is { } refused)
        {
            return SuspensionPlan.Skip(id, request.DisplayName, request.Email, refused.Kind, refused.Reason);
        }

        JiraUserAccess? access;
        DirectoryUserStatus? status;
        try
        {
            access = await jira.GetUserAccessAsync(id, cancellationToken).ConfigureAwait(false);
            status = bulk is null
                ? await lifecycle.GetStatusAsync(organizationId, id, cancellationToken).ConfigureAwait(false)
                : await bulk.Statuses.GetAsync(id, token => lifecycle.GetStatusAsync(organizationId, id, token), cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException e)
        {
            return SuspensionPlan.Fail(id, request.DisplayName, $"reading the user's groups and status failed: {e.Message}", e);
        }

        string? name = access?.Account.DisplayName ?? status?.Name ?? request.DisplayName;
        string? email = access?.Account.Email ?? status?.Email ?? request.Email;
        if (access is not null && policy.ByAccount(access) is { } protectedAccount)
        {
            return SuspensionPlan.Skip(id, name, email, protectedAccount.Kind, protectedAccount.Reason);
        }

        if (status is null)
        {
            return SuspensionPlan.Fail(id, name, "the organization's directory does not list this account");
        }

        if (string.Equals(status.AccountType, "app", StringComparison.OrdinalIgnoreCase) && !policy.IncludeAppAccounts)
        {
            return SuspensionPlan.Skip(id, name, email, "app account", "an app account (add -IncludeAppAccounts to change it)");
        }

        if (status.IsSuspended)
        {
            return new SuspensionPlan(id, name, email, SuspensionStatus.AlreadySuspended, "access to the organization is suspended already", "already suspended");
        }

        if (request.Judgment is not { } judgment)
        {
            return SuspensionPlan.Skip(id, name, email, "not judged", "the input carries no inactivity judgment");
        }

        var judged = JudgedProducts(judgment, access);
        var plan = await ActivityCheckAsync(id, name, email, judgment, judged, beforeChange: false, cancellationToken).ConfigureAwait(false);
        return plan.Changes ? plan with { LookAgain = token => ActivityCheckAsync(id, name, email, judgment, judged, beforeChange: true, token) } : plan;
    }

    // The sealed judgment's product; for a fresh judgment, every Jira product the user holds.
    private static IReadOnlyList<JiraProduct> JudgedProducts(InactivityJudgment judgment, JiraUserAccess? access) =>
        judgment.Sealed is { } sealedJudgment && Enum.TryParse<JiraProduct>(sealedJudgment.Product, out var product)
            ? [product]
            : (access?.ApplicationRoleKeys ?? []).Select(ProductNames.FromApplicationRoleKey).OfType<JiraProduct>().Distinct().ToList();

    private async Task<SuspensionPlan> ActivityCheckAsync(string id, string? name, string? email, InactivityJudgment judgment, IReadOnlyList<JiraProduct> judged, bool beforeChange,
        CancellationToken cancellationToken)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        UserLastActiveDates dates;
        try
        {
            dates = bulk is null
                ? await admin.GetLastActiveDatesAsync(organizationId, id, cancellationToken).ConfigureAwait(false)
                : await bulk.GetAsync(id, beforeChange, cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException e)
        {
            return SuspensionPlan.Skip(id, name, email, "last look failed", $"not changed: reading the user's activity in every product failed ({e.Message})") with { Failure = e };
        }

        var rule = new InactivityRule(judgment.MoreThan, now);
        foreach (var product in judged)
        {
            var reading = ProductLastActivity.Read(dates, product, cloudId);
            if (reading.CannotJudge is { } reason)
            {
                return SuspensionPlan.Skip(id, name, email, "cannot judge", $"not changed: the last look cannot judge the user in {product} ({reason})");
            }

            if (!rule.Evaluate(reading.LastActive, dates.AddedToOrg).IsInactive)
            {
                return SuspensionPlan.Skip(id, name, email, "recently active", reading.LastActive is { } seen
                    ? $"active in {product}, the judged product, {DaysAgo(seen, now)}, within {judgment.MoreThan} days (-Force overrides only other products)"
                    : $"never used {product}, but added to the organization {DaysAgo(dates.AddedToOrg!.Value, now)}, within {judgment.MoreThan} days: the join-date grace (-Force does not override it)");
            }
        }

        if (judged.Count == 0 && dates.Products.All(p => p.LastActive is null) && !rule.Evaluate(null, dates.AddedToOrg).IsInactive)
        {
            return SuspensionPlan.Skip(id, name, email, "recently active", $"added to the organization {DaysAgo(dates.AddedToOrg!.Value, now)}, within {judgment.MoreThan} days: the join-date grace");
        }

        var recent = dates.Products
            .Where(p => p.LastActive is not null && !(ProductNames.FromAdminApiKey(p.Key) is { } known && judged.Contains(known)) && !rule.Evaluate(p.LastActive, dates.AddedToOrg).IsInactive)
            .OrderByDescending(p => p.LastActive)
            .FirstOrDefault();
        string look = $"last look {now:yyyy-MM-dd}: {ActivitySummary(dates, now)}";
        if (recent is null)
        {
            return new SuspensionPlan(id, name, email, null, $"inactive in every product for more than {judgment.MoreThan} days; {look}") { Judgment = judgment, LastLook = (now, "inactive") };
        }

        string active = $"active in {ProductLabel(recent.Key)} {DaysAgo(recent.LastActive!.Value, now)}";
        return force
            ? new SuspensionPlan(id, name, email, null, $"{active}, within {judgment.MoreThan} days, suspended anyway (-Force); {look}") { Judgment = judgment, LastLook = (now, "active") }
            : SuspensionPlan.Skip(id, name, email, "recently active", $"{active}, within {judgment.MoreThan} days: a suspension cuts every product (add -Force to suspend anyway)");
    }

    private static string ActivitySummary(UserLastActiveDates dates, DateTime now) =>
        dates.Products.Count == 0
            ? "never used any product"
            : string.Join(", ", dates.Products.Select(p => $"{ProductLabel(p.Key)} {(p.LastActive is { } seen ? DaysAgo(seen, now) : "never")}"));

    private static string DaysAgo(DateTime seen, DateTime now) => (int)(now.Date - seen.Date).TotalDays switch
    {
        <= 0 => "today",
        1 => "1 day ago",
        var days => $"{days} days ago",
    };

    /// <summary>"Confluence" for "confluence", "Jira Service Management" for "jira-service-desk".</summary>
    public static string ProductLabel(string key) => key.ToLowerInvariant() switch
    {
        "jira" or "jira-software" => "Jira",
        "jira-core" or "jira-work-management" => "Jira Work Management",
        "jira-servicedesk" or "jira-service-desk" or "jira-service-management" => "Jira Service Management",
        "confluence" => "Confluence",
        "bitbucket" => "Bitbucket",
        "trello" => "Trello",
        "opsgenie" => "Opsgenie",
        "statuspage" => "Statuspage",
        _ => key,
    };
}
