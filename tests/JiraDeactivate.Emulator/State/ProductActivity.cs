namespace JiraDeactivate.Emulator.State;

/// <summary>
/// Which products a user's last-active answer lists. Shared by the Admin API and the CSV export, so the two
/// paths always agree on "last seen" and "never accessed".
/// </summary>
public static class ProductActivity
{
    /// <summary>
    /// Every product with a date (in product order, then unknown product keys), plus, when
    /// <paramref name="listUndated"/> is set, the products the user can use but never used (without a date).
    /// </summary>
    public static IReadOnlyList<(string AdminKey, DateOnly? LastActive)> For(UserView user, IReadOnlyList<ProductView> products, bool listUndated)
    {
        var known = products
            .Select(p => (p.AdminKey, LastActive: user.LastActiveIn(p), Listed: user.LastActiveIn(p) is not null || (listUndated && user.HasAccessTo(p))))
            .Where(p => p.Listed)
            .Select(p => (p.AdminKey, p.LastActive));
        var unknown = user.LastActive
            .Where(entry => !products.Any(p => p.AdminKey == entry.Key))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => (entry.Key, (DateOnly?)entry.Value));
        return [.. known, .. unknown];
    }
}
