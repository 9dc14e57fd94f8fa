using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>A user's memberships to put back for one product, with the run that removed them.</summary>
public sealed record RestoreItem(string AccountId, string? DisplayName, JiraProduct Product, string? Site, string RunId, IReadOnlyList<RestoreMembership> Memberships)
{
    public IReadOnlyList<JiraGroup> Groups => Memberships.Select(m => m.Group).ToArray();

    public string Target => $"{DisplayName ?? AccountId} ({AccountId})";

    public string Action => $"Restore {Product} access: rejoin {string.Join(", ", Groups.Select(g => g.Name))}";
}

/// <summary>One group to rejoin, with the journal line that says the run removed the user from it.</summary>
public sealed record RestoreMembership(JiraGroup Group, long Line);
