using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>The result of Remove-JiraProductAccess for one user and product.</summary>
public sealed record ProductAccessRemoval
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    /// <summary>The product, by name (a string, so ConvertTo-Json and Export-Csv write the name).</summary>
    public string Product => ProductValue.ToString();

    internal JiraProduct ProductValue { get; init; }

    public string? Site { get; init; }

    /// <summary>The groups this run removed the user from.</summary>
    public TextList GroupsRemoved { get; init; } = TextList.Empty;

    /// <summary>True when this run revoked the user's direct role (Revoke user access).</summary>
    public bool RoleRevoked { get; init; }

    /// <summary>How the user held the product when planned: "group", "synced group", "direct role"...</summary>
    public TextList AccessPaths { get; init; } = TextList.Empty;

    /// <summary>The granting groups an identity provider syncs: for <c>ManagedByIdentityProvider</c>, where the user must be removed.</summary>
    public TextList SyncedGroups { get; init; } = TextList.Empty;

    /// <summary>The outcome (<see cref="RemovalStatus"/>), by name.</summary>
    public string Status => Outcome.ToString();

    internal RemovalStatus Outcome { get; init; }

    /// <summary>For a user skipped, the short label of why ("cannot judge", "protected group"...), for the run's summary.</summary>
    internal string? SkipKind { get; init; }

    /// <summary>Why the user was skipped, what failed, or what still grants access.</summary>
    public string? Message { get; init; }

    public DateTime Timestamp { get; init; }

    /// <summary>The run's ID in the journal.</summary>
    public string? RunId { get; init; }

    /// <summary>The journal that records the run (Restore-JiraProductAccess reads it).</summary>
    public string? JournalPath { get; init; }

    public override string ToString() => $"{DisplayName ?? AccountId}: {Status}{(Message is null ? string.Empty : $" ({Message})")}";
}
