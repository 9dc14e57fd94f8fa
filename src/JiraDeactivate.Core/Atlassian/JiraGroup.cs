namespace JiraDeactivate.Core.Atlassian;

/// <summary>A Jira group: its ID when Atlassian gives one (it should be used: names can change) and its name.</summary>
public sealed record JiraGroup(string? GroupId, string Name)
{
    /// <summary>The query that names the group in the Jira REST API.</summary>
    internal string Query => GroupId is { Length: > 0 } id ? $"groupId={Uri.EscapeDataString(id)}" : $"groupname={Uri.EscapeDataString(Name)}";

    internal static JiraGroup From(GroupNameDto dto) => new(dto.GroupId, dto.Name);

    public override string ToString() => Name;
}
