namespace JiraDeactivate.Core.Reports;

/// <summary>One row of the report's users table: a user inactive in a product.</summary>
public sealed record ReportUser
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    /// <summary>The product's name as the module writes it, e.g. "JiraSoftware".</summary>
    public required string Product { get; init; }

    public string? Site { get; init; }

    /// <summary>The UTC date of the last activity in the product; null when never active.</summary>
    public DateTime? LastActive { get; init; }

    /// <summary>Days since the last activity, or since joining for a user who never used the product.</summary>
    public int? DaysInactive { get; init; }

    public bool NeverActive { get; init; }

    /// <summary>Where the activity data came from ("Csv", "Api").</summary>
    public string? Source { get; init; }
}
