namespace JiraDeactivate.Core.Reports;

/// <summary>
/// The outcome of an action on one user and product (a removal today; any later action with the same shape), as the
/// report shows it. The status is kept as text so that results of actions the report does not know still show.
/// </summary>
public sealed record ReportResult
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    public string? Product { get; init; }

    public string? Site { get; init; }

    /// <summary>E.g. "Removed", "Skipped", "Failed", "StillHasAccess", "NoAccess".</summary>
    public required string Status { get; init; }

    /// <summary>Why the user was skipped, what failed, or what still grants access.</summary>
    public string? Message { get; init; }

    /// <summary>The action the result comes from; its section of the report.</summary>
    public ReportResultKind Kind { get; init; }
}
