namespace JiraDeactivate.Core.Reports;

/// <summary>One line of the report's summary: a product on a site.</summary>
/// <remarks>
/// Every count is of users, once per product and site, however many rows the input had for them. A count the input
/// cannot give is null (the page shows "–"): inactive users of a product that was only licensed, not analysed, and
/// users beyond a threshold shorter than the judgment's period (a 90-day run does not list users inactive 31 days).
/// </remarks>
public sealed record ProductSummary
{
    /// <summary>The inactivity thresholds the summary counts users beyond: a month, a quarter, half a year, a year.</summary>
    public static readonly IReadOnlyList<int> Thresholds = [30, 90, 180, 365];

    public required string Product { get; init; }

    public string? Site { get; init; }

    /// <summary>Seats paid for on the site; null when no seat count was given or the site is unlimited.</summary>
    public int? Seats { get; init; }

    /// <summary>Users counting against the licence on the site; null when no seat count was given.</summary>
    public int? Used { get; init; }

    /// <summary>True when inactive users of the product were piped in (the product was analysed).</summary>
    public bool Analysed { get; init; }

    /// <summary>The judgment's period of these users (the longest, if runs of several periods were piped in); null when unknown.</summary>
    public int? MoreThan { get; init; }

    /// <summary>Inactive users on the site; null when the product was not analysed.</summary>
    public int? Inactive { get; init; }

    /// <summary>Users last active more than each of <see cref="Thresholds"/> days ago (never-active users apart); null where the input cannot tell.</summary>
    public IReadOnlyList<int?> InactiveOver { get; init; } = [];

    public int? NeverUsed { get; init; }

    /// <summary>Seats removing every inactive user would free.</summary>
    public int? AtStake => Inactive;

    /// <summary>Seats the piped removal results freed (status Removed); null when no removal results were given.</summary>
    public int? Freed { get; init; }

    /// <summary>
    /// Seats an identity-provider change would free: removal results ManagedByIdentityProvider (the product also comes
    /// from a synced group), or, without removal results, inactive users whose SyncedGroups name one.
    /// </summary>
    public int? HeldByIdentityProvider { get; init; }

    /// <summary>The monthly cost of the seats at stake; null without a price.</summary>
    public decimal? CostAtStake { get; init; }

    /// <summary>The monthly cost of the seats freed; null without a price or removal results.</summary>
    public decimal? CostFreed { get; init; }

    internal static IReadOnlyList<ProductSummary> From(InactivityReport report)
    {
        var price = report.Options.PricePerSeat;
        var removals = report.Results.Where(r => r.Kind == ReportResultKind.Removal).ToList();
        bool anyRemovals = removals.Count > 0;
        var analysed = report.Users.Select(u => u.Product)
            .Concat(removals.Where(r => r.Product is not null).Select(r => r.Product!))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keys = report.Users.Select(u => Key(u.Product, u.Site))
            .Concat(report.Licenses.Select(l => Key(l.Product, l.Site)))
            .Concat(removals.Where(r => r.Product is not null).Select(r => Key(r.Product!, r.Site)))
            .Distinct()
            .OrderBy(k => ProductOrder(k.Product)).ThenBy(k => k.Product, StringComparer.OrdinalIgnoreCase).ThenBy(k => k.Site, StringComparer.OrdinalIgnoreCase);
        var list = new List<ProductSummary>();
        foreach (var (product, site) in keys)
        {
            var users = report.Users.Where(u => Key(u.Product, u.Site) == (product, site)).DistinctBy(u => u.AccountId).ToList();
            var licenses = report.Licenses.Where(l => Key(l.Product, l.Site) == (product, site)).ToList();
            bool isAnalysed = analysed.Contains(product);
            int? moreThan = users.Count == 0 || users.Any(u => u.MoreThan is null) ? null : users.Max(u => u.MoreThan);
            int? Count(string status) => anyRemovals
                ? removals.Where(r => r.Product is not null && Key(r.Product, r.Site) == (product, site) && string.Equals(r.Status, status, StringComparison.OrdinalIgnoreCase))
                    .Select(r => r.AccountId).Distinct(StringComparer.Ordinal).Count()
                : null;
            int? freed = Count("Removed");
            int? inactive = isAnalysed ? users.Count : null;
            list.Add(new ProductSummary
            {
                Product = product,
                Site = site,
                Seats = licenses.Count == 0 || licenses.Any(l => l.Seats is null) ? null : licenses.Max(l => l.Seats!.Value),
                Used = licenses.Count == 0 ? null : licenses.Max(l => l.UsersCounted),
                Analysed = isAnalysed,
                MoreThan = moreThan,
                Inactive = inactive,
                InactiveOver = Thresholds.Select(t => isAnalysed && (users.Count == 0 || t >= moreThan) ? users.Count(u => !u.NeverActive && u.DaysInactive > t) : (int?)null).ToArray(),
                NeverUsed = isAnalysed ? users.Count(u => u.NeverActive) : null,
                Freed = freed,
                HeldByIdentityProvider = anyRemovals ? Count("ManagedByIdentityProvider") : users.Count(u => u.SyncedGroups.Count > 0),
                CostAtStake = price * inactive,
                CostFreed = price * freed,
            });
        }

        return list;
    }

    /// <summary>Product and site as one key: sites compare without case, a missing site is one site of its own.</summary>
    private static (string Product, string? Site) Key(string product, string? site) =>
        (Products.ProductNames.FromUserName(product)?.ToString() ?? product, string.IsNullOrEmpty(site) ? null : site.ToLowerInvariant());

    private static int ProductOrder(string product) => product switch
    {
        "JiraSoftware" => 0,
        "JiraServiceManagement" => 1,
        _ => 2,
    };
}
