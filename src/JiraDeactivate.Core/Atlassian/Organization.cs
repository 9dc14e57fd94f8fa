namespace JiraDeactivate.Core.Atlassian;

/// <summary>An Atlassian organization the API key can manage.</summary>
public sealed record Organization(string Id, string? Name)
{
    public override string ToString() => Name is null ? Id : $"{Name} ({Id})";
}
