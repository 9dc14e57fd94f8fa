using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Hands out one <see cref="ProductActivity"/> per product column, access and date: the records are immutable, and a
/// large export repeats the same few thousand combinations, so users share them instead of each allocating its own.
/// </summary>
internal sealed class ProductActivityCache(ProductColumns columns, bool lastSeenReported)
{
    // A product column holds a few years of distinct days; past this, records are made without being kept.
    private const int MaxEntries = 16384;
    private readonly Dictionary<long, ProductActivity> _entries = [];

    public ProductActivity Get(bool? hasAccess, DateTime? lastSeen)
    {
        if (lastSeen is { } day && day.TimeOfDay != TimeSpan.Zero)
        {
            return Make(hasAccess, lastSeen);
        }

        long key = (((lastSeen?.Ticks ?? -TimeSpan.TicksPerDay) / TimeSpan.TicksPerDay) * 3) + (hasAccess is null ? 0 : hasAccess.Value ? 1 : 2);
        if (!_entries.TryGetValue(key, out var activity))
        {
            activity = Make(hasAccess, lastSeen);
            if (_entries.Count < MaxEntries)
            {
                _entries[key] = activity;
            }
        }

        return activity;
    }

    private ProductActivity Make(bool? hasAccess, DateTime? lastSeen) =>
        new(columns.ProductName, columns.Product, columns.Site, hasAccess, lastSeen, lastSeenReported);
}
