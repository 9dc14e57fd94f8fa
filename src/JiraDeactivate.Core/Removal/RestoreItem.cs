using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>A user's memberships (and a direct role) to put back for one product, with the run that removed them.</summary>
public sealed record RestoreItem(string AccountId, string? DisplayName, JiraProduct Product, string? Site, string RunId, IReadOnlyList<RestoreMembership> Memberships)
{
    /// <summary>The direct role the run revoked, to grant back (Grant user access); null when none.</summary>
    public RestoreRole? Role { get; init; }

    public IReadOnlyList<JiraGroup> Groups => Memberships.Select(m => m.Group).ToArray();

    public string Target => $"{DisplayName ?? AccountId} ({AccountId})";

    public string Action => $"Restore {Product} access: {string.Join(", ", (string[])[
        .. Memberships.Count > 0 ? [$"rejoin {string.Join(", ", Groups.Select(g => g.Name))}"] : Array.Empty<string>(),
        .. Role is not null ? ["grant the direct role back"] : Array.Empty<string>()])}";
}

/// <summary>A direct role to grant back: the workspace id its journal line names, and that line.</summary>
public sealed record RestoreRole(string Resource, long Line);

/// <summary>One group to rejoin, with the journal line that says the run removed the user from it.</summary>
public sealed record RestoreMembership(JiraGroup Group, long Line);
