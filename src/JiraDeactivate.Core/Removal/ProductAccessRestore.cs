using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>The result of Restore-JiraProductAccess for one user and product.</summary>
public sealed record ProductAccessRestore
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public JiraProduct Product { get; init; }

    public string? Site { get; init; }

    /// <summary>The groups this restore added the user back to.</summary>
    public IReadOnlyList<string> GroupsRestored { get; init; } = [];

    public RestoreStatus Status { get; init; }

    public string? Message { get; init; }

    public DateTime Timestamp { get; init; }

    /// <summary>The removal run that is undone.</summary>
    public string? RunId { get; init; }

    public override string ToString() => $"{DisplayName ?? AccountId}: {Status}{(Message is null ? string.Empty : $" ({Message})")}";
}
