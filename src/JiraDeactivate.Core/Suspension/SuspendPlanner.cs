using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Removal;

namespace JiraDeactivate.Core.Suspension;

/// <summary>
/// Decides whether a user's access to the organization will be suspended; changes nothing. Protections come first
/// (the same as a removal's), then the user's status, then activity: a suspension cuts every product, not just the
/// one judged, so a user active in any product within the judgment's window is skipped unless forced.
/// </summary>
public sealed class SuspendPlanner(JiraRestClient jira, AdminApiClient admin, AdminLifecycleClient lifecycle, string organizationId, string? siteName,
    ProtectionPolicy policy, bool force, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<SuspensionPlan> PlanAsync(UserLifecycleRequest request, CancellationToken cancellationToken)
    {
        string id = request.AccountId;
        if (policy.ByInput(id, request.Site, siteName, request.OrgRole, request.Email) is { } refused)
        {
            return SuspensionPlan.Skip(id, request.DisplayName, request.Email, refused.Kind, refused.Reason);
        }

        JiraUserAccess? access;
        DirectoryUserStatus? status;
        try
        {
            access = await jira.GetUserAccessAsync(id, cancellationToken).ConfigureAwait(false);
            status = await lifecycle.GetStatusAsync(organizationId, id, cancellationToken).ConfigureAwait(false);
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

        return await ActivityCheckAsync(id, name, email, judgment, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SuspensionPlan> ActivityCheckAsync(string id, string? name, string? email, InactivityJudgment judgment, CancellationToken cancellationToken)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        UserLastActiveDates dates;
        try
        {
            dates = await admin.GetLastActiveDatesAsync(organizationId, id, cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException e)
        {
            return SuspensionPlan.Skip(id, name, email, "last look failed", $"not changed: reading the user's activity in every product failed ({e.Message})") with { Failure = e };
        }

        var rule = new InactivityRule(judgment.MoreThan, now);
        var recent = dates.Products
            .Where(p => p.LastActive is not null && !rule.Evaluate(p.LastActive, dates.AddedToOrg).IsInactive)
            .OrderByDescending(p => p.LastActive)
            .FirstOrDefault();
        string look = $"last look {now:yyyy-MM-dd}: {ActivitySummary(dates, now)}";
        if (recent is null)
        {
            return new SuspensionPlan(id, name, email, null, $"inactive in every product for more than {judgment.MoreThan} days; {look}");
        }

        string active = $"active in {ProductLabel(recent.Key)} {DaysAgo(recent.LastActive!.Value, now)}";
        return force
            ? new SuspensionPlan(id, name, email, null, $"{active}, within {judgment.MoreThan} days, suspended anyway (-Force); {look}")
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
