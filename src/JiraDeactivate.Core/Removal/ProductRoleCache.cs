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

    /// <summary>The groups of <paramref name="groups"/> that grant the role (<see cref="ProductRole.Granting"/>).</summary>
    public static IReadOnlyList<JiraGroup> Granting(ProductRole role, IEnumerable<JiraGroup> groups) => role.Granting(groups);
}
