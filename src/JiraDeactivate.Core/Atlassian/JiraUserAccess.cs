namespace JiraDeactivate.Core.Atlassian;

/// <summary>A user's groups and application roles as Jira reports them now.</summary>
public sealed record JiraUserAccess(JiraAccount Account, IReadOnlyList<JiraGroup> Groups, IReadOnlyList<string> ApplicationRoleKeys);
