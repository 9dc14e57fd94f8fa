namespace JiraDeactivate.Core.Reports;

/// <summary>One product's line of the report's summary.</summary>
public sealed record ProductSummary
{
    /// <summary>The inactivity thresholds the summary counts users beyond: a month, a quarter, half a year, a year.</summary>
    public static readonly IReadOnlyList<int> Thresholds = [30, 90, 180, 365];

    public required string Product { get; init; }

    /// <summary>Seats paid for (every site given); null when no seat count was given or a site is unlimited.</summary>
    public int? Seats { get; init; }

    /// <summary>Users counting against the licence; null when no seat count was given.</summary>
    public int? Used { get; init; }

    /// <summary>Inactive users in the report (one per account and site).</summary>
    public int Inactive { get; init; }

    /// <summary>Users last active more than each of <see cref="Thresholds"/> days ago (never-active users apart).</summary>
    public IReadOnlyList<int> InactiveOver { get; init; } = [];

    public int NeverUsed { get; init; }

    /// <summary>Seats removing every inactive user would free.</summary>
    public int AtStake => Inactive;

    /// <summary>Seats the piped results freed (status Removed); null when no results were given.</summary>
    public int? Freed { get; init; }

    public decimal? CostAtStake { get; init; }

    public decimal? CostFreed { get; init; }

    internal static IReadOnlyList<ProductSummary> From(InactivityReport report)
    {
        var products = report.Users.Select(u => u.Product)
            .Concat(report.Licenses.Select(l => l.Product))
            .Concat(report.Results.Where(r => r.Product is not null).Select(r => r.Product!))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(ProductOrder).ThenBy(p => p, StringComparer.OrdinalIgnoreCase);
        var price = report.Options.PricePerSeat;
        bool anyResults = report.Results.Count > 0;
        var list = new List<ProductSummary>();
        foreach (string product in products)
        {
            var users = report.Users.Where(u => Same(u.Product, product))
                .DistinctBy(u => (u.AccountId, u.Site?.ToUpperInvariant())).ToList();
            var licenses = report.Licenses.Where(l => Same(l.Product, product)).ToList();
            int? freed = anyResults
                ? report.Results.Where(r => r.Product is not null && Same(r.Product, product) && string.Equals(r.Status, "Removed", StringComparison.OrdinalIgnoreCase))
                    .Select(r => (r.AccountId, r.Site?.ToUpperInvariant())).Distinct().Count()
                : null;
            list.Add(new ProductSummary
            {
                Product = product,
                Seats = licenses.Count == 0 || licenses.Any(l => l.Seats is null) ? null : licenses.Sum(l => l.Seats!.Value),
                Used = licenses.Count == 0 ? null : licenses.Sum(l => l.UsersCounted),
                Inactive = users.Count,
                InactiveOver = Thresholds.Select(t => users.Count(u => !u.NeverActive && u.DaysInactive > t)).ToArray(),
                NeverUsed = users.Count(u => u.NeverActive),
                Freed = freed,
                CostAtStake = price * users.Count,
                CostFreed = freed is null ? null : price * freed,
            });
        }

        return list;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static int ProductOrder(string product) => product switch
    {
        "JiraSoftware" => 0,
        "JiraServiceManagement" => 1,
        _ => 2,
    };
}
