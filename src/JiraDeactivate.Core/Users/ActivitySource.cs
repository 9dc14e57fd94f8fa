namespace JiraDeactivate.Core.Users;

/// <summary>Where a user's last-active dates came from.</summary>
public enum ActivitySource
{
    /// <summary>The "Export users" CSV of Atlassian Administration.</summary>
    Csv,

    /// <summary>The organization Admin API.</summary>
    Api,
}
