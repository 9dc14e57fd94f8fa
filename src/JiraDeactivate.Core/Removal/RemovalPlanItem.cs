using JiraDeactivate.Core.Judgments;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// One input's plan as data (Remove-JiraProductAccess -PlanOnly): what the run would do and why. A reviewer can
/// export it (Export-Csv), delete the rows not to change, and pipe the rest back; it carries the sealed judgment
/// with the planned action, so a row can be deleted but not changed or added. Texts that come from Jira or the
/// input (names, emails, groups) are written so that a spreadsheet does not run them as formulas.
/// </summary>
public sealed record RemovalPlanItem
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    public required string Product { get; init; }

    public string? Site { get; init; }

    /// <summary>Remove, Skip, NoAccess, ManagedByIdentityProvider or Fail.</summary>
    public required string Action { get; init; }

    /// <summary>The groups the user would leave.</summary>
    public TextList Groups { get; init; } = TextList.Empty;

    /// <summary>True when the user's direct role would be revoked too (Revoke user access).</summary>
    public bool RevokeDirectRole { get; init; }

    /// <summary>How the user holds the product: "group", "synced group", "direct role"...</summary>
    public TextList AccessPaths { get; init; } = TextList.Empty;

    /// <summary>The granting groups an identity provider syncs (ManagedByIdentityProvider): where to remove the user instead.</summary>
    public TextList SyncedGroups { get; init; } = TextList.Empty;

    /// <summary>Why the user would not change.</summary>
    public string? Reason { get; init; }

    /// <summary>The judgment: inactive for more than this many days.</summary>
    public int? MoreThan { get; init; }

    /// <summary>When the judgment's data was read (UTC).</summary>
    public DateTime? AsOf { get; init; }

    /// <summary>The last activity the last look found (null when there was no last look, or never used).</summary>
    public DateTime? LastActive { get; init; }

    /// <summary>The sealed judgment with the planned action: what Remove-JiraProductAccess decides on when the row comes back.</summary>
    public string? Judgment { get; init; }

    /// <param name="plan">The plan.</param>
    /// <param name="seal">Seals the row's judgment and action.</param>
    /// <param name="siteName">The connected site the plan was made for.</param>
    public static RemovalPlanItem From(RemovalPlan plan, JudgmentSeal seal, string? siteName)
    {
        var request = plan.Request;
        string action = plan.ChangesAccess ? "Remove" : plan.Outcome switch
        {
            RemovalStatus.NoAccess => "NoAccess",
            RemovalStatus.ManagedByIdentityProvider => "ManagedByIdentityProvider",
            RemovalStatus.Failed => "Fail",
            _ => "Skip",
        };
        string? email = request.Judgment?.SealedEmail ?? plan.Account?.Email ?? request.Email;
        var asOf = plan.LastLook?.At ?? request.Judgment?.AsOf;
        string? judgment = request.Judgment is { } judged
            ? seal.Seal(new JudgmentPayload(request.AccountId, request.Product.ToString(), judged.Sealed?.Site ?? siteName ?? request.Site, judged.MoreThan, asOf ?? judged.AsOf, seal.Now,
                email, judged.Sealed?.OrgRole, judged.OrgRoleReported, action))
            : null;
        return new RemovalPlanItem
        {
            AccountId = request.AccountId,
            DisplayName = SpreadsheetText.Neutralize(plan.DisplayName),
            Email = SpreadsheetText.Neutralize(plan.Account?.Email ?? request.Email),
            Product = request.Product.ToString(),
            Site = request.Site,
            Action = action,
            Groups = plan.Groups.Select(g => SpreadsheetText.Neutralize(g.Name)!).ToArray(),
            RevokeDirectRole = plan.DirectRole,
            AccessPaths = plan.Paths,
            SyncedGroups = plan.SyncedGroups.Select(g => SpreadsheetText.Neutralize(g.Name)!).ToArray(),
            Reason = SpreadsheetText.Neutralize(plan.Reason),
            MoreThan = request.Judgment?.MoreThan,
            AsOf = asOf,
            LastActive = plan.LastLook?.LastActive,
            Judgment = judgment,
        };
    }
}
