namespace JiraDeactivate.Core.Products;

/// <summary>A Jira product that holds paid seats.</summary>
public enum JiraProduct
{
    /// <summary>Jira Software (shown as "Jira" in newer exports).</summary>
    JiraSoftware,

    /// <summary>Jira Service Management (formerly Jira Service Desk).</summary>
    JiraServiceManagement,
}
