using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Reads a membership back after a change whose answer failed or was lost, so a result says what is true rather
/// than "failed" for a change that happened.
/// </summary>
public static class MembershipReadBack
{
    /// <summary>True or false when Jira says; null when reading back failed too.</summary>
    public static async Task<bool?> IsMemberAsync(JiraRestClient jira, string accountId, JiraGroup group, CancellationToken cancellationToken)
    {
        try
        {
            var access = await jira.GetUserAccessAsync(accountId, cancellationToken).ConfigureAwait(false);
            return access is not null && access.Groups.Any(g => group.GroupId is { Length: > 0 } id && g.GroupId is { Length: > 0 }
                ? string.Equals(g.GroupId, id, StringComparison.OrdinalIgnoreCase)
                : string.Equals(g.Name, group.Name, StringComparison.OrdinalIgnoreCase));
        }
        catch (AtlassianApiException)
        {
            return null;
        }
    }
}
