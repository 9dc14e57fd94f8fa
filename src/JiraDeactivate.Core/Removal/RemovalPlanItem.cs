namespace JiraDeactivate.Core.Removal;

/// <summary>
/// One input's plan as data (Remove-JiraProductAccess -PlanOnly): what the run would do and why. A reviewer can
/// export it (Export-Csv), delete the rows not to change, and pipe the rest back; it carries the judgment.
/// </summary>
public sealed record RemovalPlanItem
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    public required string Product { get; init; }

    public string? Site { get; init; }

    /// <summary>Remove, Skip, NoAccess or Fail.</summary>
    public required string Action { get; init; }

    /// <summary>The groups the user would leave.</summary>
    public TextList Groups { get; init; } = TextList.Empty;

    /// <summary>Why the user would not change.</summary>
    public string? Reason { get; init; }

    /// <summary>The judgment: inactive for more than this many days.</summary>
    public int? MoreThan { get; init; }

    /// <summary>When the judgment's data was read (UTC).</summary>
    public DateTime? AsOf { get; init; }

    /// <summary>The last activity the last look found (null when there was no last look, or never used).</summary>
    public DateTime? LastActive { get; init; }

    public static RemovalPlanItem From(RemovalPlan plan) => new()
    {
        AccountId = plan.Request.AccountId,
        DisplayName = plan.DisplayName,
        Email = plan.Account?.Email ?? plan.Request.Email,
        Product = plan.Request.Product.ToString(),
        Site = plan.Request.Site,
        Action = plan.ChangesAccess ? "Remove" : plan.Outcome switch
        {
            RemovalStatus.NoAccess => "NoAccess",
            RemovalStatus.Failed => "Fail",
            _ => "Skip",
        },
        Groups = plan.Groups.Select(g => g.Name).ToArray(),
        Reason = plan.Reason,
        MoreThan = plan.Request.Judgment?.MoreThan,
        AsOf = plan.LastLook?.At ?? plan.Request.Judgment?.AsOf,
        LastActive = plan.LastLook?.LastActive,
    };
}
