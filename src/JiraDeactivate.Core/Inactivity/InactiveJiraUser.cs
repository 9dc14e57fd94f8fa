using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Inactivity;

/// <summary>A user who holds access to a Jira product and has not used it for longer than the chosen period.</summary>
public sealed class InactiveJiraUser
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    public JiraProduct Product { get; init; }

    /// <summary>The site's sub-domain, when the source names it.</summary>
    public string? Site { get; init; }

    /// <summary>The UTC date of the last activity in the product; null when never active.</summary>
    public DateTime? LastActive { get; init; }

    /// <summary>Days since the last activity, or since joining for a user who never used the product.</summary>
    public int? DaysInactive { get; init; }

    public bool NeverActive { get; init; }

    public DateTime? AddedToOrg { get; init; }

    public AccountStatus Status { get; init; }

    /// <summary>The organization role, when the source gives it (the CSV's "Org role"): removal protects admins.</summary>
    public string? OrgRole { get; init; }

    public ActivitySource Source { get; init; }

    public override string ToString() => $"{DisplayName ?? AccountId} ({Product}, {(NeverActive ? "never active" : $"{DaysInactive} days inactive")})";
}
