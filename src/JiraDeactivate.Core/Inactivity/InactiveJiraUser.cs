using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Inactivity;

/// <summary>A user who holds access to a Jira product and has not used it for longer than the chosen period.</summary>
public sealed class InactiveJiraUser
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    /// <summary>The product, by name (a string, so ConvertTo-Json and Export-Csv write the name).</summary>
    public string Product => ProductValue.ToString();

    internal JiraProduct ProductValue { get; init; }

    /// <summary>The site's sub-domain, when the source names it.</summary>
    public string? Site { get; init; }

    /// <summary>The UTC date of the last activity in the product; null when never active.</summary>
    public DateTime? LastActive { get; init; }

    /// <summary>Days since the last activity, or since joining for a user who never used the product.</summary>
    public int? DaysInactive { get; init; }

    public bool NeverActive { get; init; }

    public DateTime? AddedToOrg { get; init; }

    /// <summary>The account's status (<see cref="AccountStatus"/>), by name.</summary>
    public string Status => StatusValue.ToString();

    internal AccountStatus StatusValue { get; init; }

    /// <summary>The organization role, when the source gives it (the CSV's "Org role"): removal protects admins.</summary>
    public string? OrgRole { get; init; }

    /// <summary>The user's groups, when the source names them (the Export users CSV does; the API path does not).</summary>
    public TextList Groups { get; init; } = TextList.Empty;

    /// <summary>
    /// How the user holds the product: "group", "synced group" (an identity provider's: removal leaves the user to it),
    /// "not by a group" (a role assigned directly, which only the Admin API frees); empty when the source does not tell.
    /// </summary>
    public TextList AccessPaths { get; init; } = TextList.Empty;

    /// <summary>The user's groups an identity provider syncs (read with the Admin API): the seat is freed there, not here.</summary>
    public TextList SyncedGroups { get; init; } = TextList.Empty;

    /// <summary>Where the activity data came from (<see cref="ActivitySource"/>), by name.</summary>
    public string Source => SourceValue.ToString();

    internal ActivitySource SourceValue { get; init; }

    /// <summary>The period the user was judged by: inactive for more than this many days (shown; the decision reads <see cref="Judgment"/>).</summary>
    public int MoreThan { get; init; }

    /// <summary>The moment (UTC) the judgment was made for: the rule's as-of time (shown; the decision reads <see cref="Judgment"/>).</summary>
    public DateTime AsOf { get; init; }

    /// <summary>
    /// The sealed judgment (account, product, site, period, data's date, when judged, the export's org role and
    /// email): Remove-JiraProductAccess and Suspend-JiraUser bind it and change only users whose judgment verifies.
    /// It survives Export-Csv and Import-Csv; an edited one does not verify.
    /// </summary>
    public string? Judgment { get; init; }

    public override string ToString() => $"{DisplayName ?? AccountId} ({Product}, {(NeverActive ? "never active" : $"{DaysInactive} days inactive")})";
}
