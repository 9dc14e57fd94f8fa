namespace JiraDeactivate.Core.Sessions;

/// <summary>What a runspace is connected to. Holds no secret.</summary>
public sealed record JiraAdminConnection
{
    public Uri? Site { get; init; }

    public string? SiteName { get; init; }

    public string? CloudId { get; init; }

    /// <summary>The admin's email (the user name of the API token).</summary>
    public string? User { get; init; }

    public string? AccountId { get; init; }

    public string? DisplayName { get; init; }

    public Uri? AdminApiUri { get; init; }

    public string? OrganizationId { get; init; }

    public string? OrganizationName { get; init; }

    /// <summary>True when the site's Jira REST API is connected (email and API token).</summary>
    public bool JiraConnected { get; init; }

    /// <summary>True when the organization Admin API is connected (API key).</summary>
    public bool AdminApiConnected { get; init; }

    public DateTime ConnectedAt { get; init; }

    internal static JiraAdminConnection Describe(JiraAdminSession session, string? user) => new()
    {
        Site = session.Site,
        SiteName = session.SiteName,
        CloudId = session.CloudId,
        User = user,
        AccountId = session.Account?.AccountId,
        DisplayName = session.Account?.DisplayName,
        AdminApiUri = session.AdminApiUri,
        OrganizationId = session.Organization?.Id,
        OrganizationName = session.Organization?.Name,
        JiraConnected = session.Jira is not null,
        AdminApiConnected = session.Admin is not null,
        ConnectedAt = session.ConnectedAt,
    };

    public override string ToString() =>
        string.Join("; ", new[] { JiraConnected ? $"{User} on {Site}" : null, AdminApiConnected ? $"organization {OrganizationName ?? OrganizationId}" : null }.Where(p => p is not null));
}
