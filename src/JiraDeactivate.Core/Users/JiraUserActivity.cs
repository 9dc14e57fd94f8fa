
namespace JiraDeactivate.Core.Users;

/// <summary>
/// One user's account state, groups and per-product activity: one user of an "Export users" CSV (all of that
/// user's rows merged), or what the Admin API and Jira REST API say about the user.
/// </summary>
public sealed class JiraUserActivity
{
    /// <summary>The Atlassian account ID (or, in pre-2021 exports, the username).</summary>
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    /// <summary>The account status (<see cref="AccountStatus"/>), by name, so ConvertTo-Json and Export-Csv write the name.</summary>
    public string Status => StatusValue.ToString();

    internal AccountStatus StatusValue { get; init; }

    /// <summary>The UTC date the user was added to the organization, when known.</summary>
    public DateTime? AddedToOrg { get; init; }

    public string? OrgRole { get; init; }

    /// <summary>True when the source has an organization role column: a null <see cref="OrgRole"/> then means none.</summary>
    public bool OrgRoleReported { get; init; }

    public TextList Groups { get; init; } = TextList.Empty;

    /// <summary>How the user holds the product, when the source tells: "group", or "not by a group" (a role assigned directly).</summary>
    public TextList AccessPaths { get; init; } = TextList.Empty;

    /// <summary>Per product and site: access and last activity ("JiraSoftware on acme: 2026-10-21; ..." as text).</summary>
    public ProductActivityList Products { get; init; } = ProductActivityList.Empty;

    /// <summary>Where the record comes from (<see cref="ActivitySource"/>), by name.</summary>
    public string Source => SourceValue.ToString();

    internal ActivitySource SourceValue { get; init; }

    /// <summary>The file the user came from (CSV only).</summary>
    public string? SourceFile { get; init; }

    /// <summary>The line of the user's first row in that file (CSV only).</summary>
    public long LineNumber { get; init; }

    public override string ToString() => Email is { Length: > 0 } ? $"{DisplayName} <{Email}>" : $"{DisplayName} ({AccountId})";
}
