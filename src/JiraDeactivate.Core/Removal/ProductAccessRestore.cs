using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>The result of Restore-JiraProductAccess for one user and product.</summary>
public sealed record ProductAccessRestore
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The product, by name.</summary>
    public string Product => ProductValue.ToString();

    internal JiraProduct ProductValue { get; init; }

    public string? Site { get; init; }

    /// <summary>The groups this restore added the user back to.</summary>
    public TextList GroupsRestored { get; init; } = TextList.Empty;

    /// <summary>True when this restore granted a revoked direct role back (Grant user access).</summary>
    public bool RoleGranted { get; init; }

    /// <summary>The outcome (<see cref="RestoreStatus"/>), by name.</summary>
    public string Status => Outcome.ToString();

    internal RestoreStatus Outcome { get; init; }

    public string? Message { get; init; }

    public DateTime Timestamp { get; init; }

    /// <summary>The removal run that is undone.</summary>
    public string? RunId { get; init; }

    public override string ToString() => $"{DisplayName ?? AccountId}: {Status}{(Message is null ? string.Empty : $" ({Message})")}";
}
