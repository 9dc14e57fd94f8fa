using System.Collections.Concurrent;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>Each product's application role, read once per run and shared by all users.</summary>
public sealed class ProductRoleCache(JiraRestClient jira)
{
    private readonly ConcurrentDictionary<JiraProduct, Lazy<Task<ProductRole>>> _roles = new();

    public Task<ProductRole> GetAsync(JiraProduct product, CancellationToken cancellationToken) =>
        _roles.GetOrAdd(product, p => new Lazy<Task<ProductRole>>(() => jira.GetProductRoleAsync(ProductNames.ApplicationRoleKey(p), cancellationToken))).Value;

    /// <summary>The groups of <paramref name="groups"/> that grant the role, as the role names them (with IDs).</summary>
    public static IReadOnlyList<JiraGroup> Granting(ProductRole role, IEnumerable<JiraGroup> groups) =>
        role.Groups.Where(r => groups.Any(g => SameGroup(r, g))).ToArray();

    private static bool SameGroup(JiraGroup a, JiraGroup b) =>
        a.GroupId is { Length: > 0 } && b.GroupId is { Length: > 0 }
            ? string.Equals(a.GroupId, b.GroupId, StringComparison.OrdinalIgnoreCase)
            : string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}
