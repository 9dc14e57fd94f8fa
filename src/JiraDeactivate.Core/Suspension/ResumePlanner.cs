using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Suspension;

/// <summary>Decides whether a user's access will be restored: only a user of the connected site whose access is suspended now.</summary>
public sealed class ResumePlanner(AdminLifecycleClient lifecycle, string organizationId, string? siteName)
{
    public async Task<SuspensionPlan> PlanAsync(UserLifecycleRequest request, CancellationToken cancellationToken)
    {
        string id = request.AccountId;
        if (request.Site is { Length: > 0 } site && siteName is not null && !string.Equals(site, siteName, StringComparison.OrdinalIgnoreCase))
        {
            return SuspensionPlan.Skip(id, request.DisplayName, request.Email, "other site", $"the input is about site '{site}', but the connection is to '{siteName}'") with { RunId = request.RunId };
        }

        DirectoryUserStatus? status;
        try
        {
            status = await lifecycle.GetStatusAsync(organizationId, id, cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException e)
        {
            return SuspensionPlan.Fail(id, request.DisplayName, $"reading the user's status failed: {e.Message}", e) with { RunId = request.RunId };
        }

        if (status is null)
        {
            return SuspensionPlan.Fail(id, request.DisplayName, "the organization's directory does not list this account") with { RunId = request.RunId };
        }

        string? name = status.Name ?? request.DisplayName;
        return status.IsSuspended
            ? new SuspensionPlan(id, name, status.Email, null, request.RunId is null ? "suspended now" : $"suspended by run '{request.RunId}'", RunId: request.RunId)
            : new SuspensionPlan(id, name, status.Email, SuspensionStatus.NotSuspended, $"access is not suspended (status '{status.Status}')", "not suspended", request.RunId);
    }
}
