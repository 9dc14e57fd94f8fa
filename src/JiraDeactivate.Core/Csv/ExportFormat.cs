namespace JiraDeactivate.Core.Csv;

/// <summary>The generation of Atlassian's "Export users" CSV a file is in.</summary>
public enum ExportFormat
{
    /// <summary>Since September 2021: "User id, User name, email, User status, Added to org, Org role, Last seen in ...".</summary>
    Current,

    /// <summary>Before September 2021: "group_name, username, full_name, email, active, ..." with Yes/No product columns.</summary>
    Legacy,
}
