namespace JiraDeactivate.Core.Atlassian;

/// <summary>Which of Atlassian's APIs a call went to.</summary>
public enum AtlassianApi
{
    /// <summary>The site's Jira Cloud REST API (email and API token).</summary>
    Jira,

    /// <summary>The organization Admin API (organization API key).</summary>
    Admin,

    /// <summary>The OAuth 2.0 token endpoint that exchanges a service account's client credentials for access tokens.</summary>
    TokenEndpoint,
}
