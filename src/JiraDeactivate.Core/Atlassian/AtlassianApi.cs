namespace JiraDeactivate.Core.Atlassian;

/// <summary>Which of Atlassian's APIs a call went to.</summary>
public enum AtlassianApi
{
    /// <summary>The site's Jira Cloud REST API (email and API token).</summary>
    Jira,

    /// <summary>The organization Admin API (organization API key).</summary>
    Admin,
}
