namespace JiraDeactivate.Core.Judgments;

/// <summary>
/// What a sealed judgment says was judged: who, in which product and site, for which period, on data as of when,
/// when it was judged, the protection evidence the rule saw, and (for a plan row) the planned action.
/// </summary>
/// <param name="AccountId">The user's account ID.</param>
/// <param name="Product">The product judged, by name ("JiraSoftware").</param>
/// <param name="Site">The site judged (its sub-domain); null when the source names none.</param>
/// <param name="MoreThan">The period: inactive for more than this many days.</param>
/// <param name="AsOf">The moment (UTC) the rule was applied at: the data's date.</param>
/// <param name="JudgedAt">When the judgment was made (UTC).</param>
/// <param name="Email">The email the source gave (Jira hides some): -Exclude matches it.</param>
/// <param name="OrgRole">The organization role the source gave.</param>
/// <param name="OrgRoleReported">True when the source reports organization roles, so a null <paramref name="OrgRole"/> means none.</param>
/// <param name="Action">For a plan row: what the plan does ("Remove", "Skip", "NoAccess", "ManagedByIdentityProvider", "Fail"); null for a judged user.</param>
public sealed record JudgmentPayload(
    string AccountId,
    string Product,
    string? Site,
    int MoreThan,
    DateTime AsOf,
    DateTime JudgedAt,
    string? Email = null,
    string? OrgRole = null,
    bool OrgRoleReported = false,
    string? Action = null);
