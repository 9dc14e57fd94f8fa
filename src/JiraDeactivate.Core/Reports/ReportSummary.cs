namespace JiraDeactivate.Core.Reports;

/// <summary>The report's numbers: a line per product and site, and the totals the page's cards show.</summary>
public sealed record ReportSummary
{
    public required IReadOnlyList<ProductSummary> Rows { get; init; }

    /// <summary>Inactive users counted once, whatever their products and sites.</summary>
    public int DistinctInactiveUsers { get; init; }

    /// <summary>Inactive users counted once per product and site: the seats a removal would free.</summary>
    public int InactiveSeats { get; init; }

    public int NeverUsedSeats { get; init; }

    /// <summary>Seats freed by the removal results; null when none were given.</summary>
    public int? FreedSeats { get; init; }

    /// <summary>Seats an identity-provider change would free (see <see cref="ProductSummary.HeldByIdentityProvider"/>).</summary>
    public int IdentityProviderSeats { get; init; }

    /// <summary>The monthly cost of the seats at stake; null without a price.</summary>
    public decimal? CostAtStakePerMonth { get; init; }

    /// <summary>The monthly cost of the seats freed; null without a price or removal results.</summary>
    public decimal? CostFreedPerMonth { get; init; }

    /// <summary>The judgment's periods of the users (normally one); empty when the input did not say.</summary>
    public IReadOnlyList<int> Periods { get; init; } = [];

    /// <summary>The moments (UTC) the users were judged for (normally one); empty when the input did not say.</summary>
    public IReadOnlyList<DateTime> AsOf { get; init; } = [];

    /// <summary>True when some users did not say for which period or moment they were judged.</summary>
    public bool SomeUnjudged { get; init; }

    /// <summary>True when the summary has more than one product: the distinct-user total then differs from the seats.</summary>
    public bool SeveralProducts => Rows.Where(r => r.Analysed).Select(r => r.Product).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1;

    internal static ReportSummary From(InactivityReport report)
    {
        var rows = ProductSummary.From(report);
        var price = report.Options.PricePerSeat;
        int seats = rows.Sum(r => r.Inactive ?? 0);
        int? freed = rows.Any(r => r.Freed is not null) ? rows.Sum(r => r.Freed ?? 0) : null;
        return new ReportSummary
        {
            Rows = rows,
            DistinctInactiveUsers = report.Users.Select(u => u.AccountId).Distinct(StringComparer.Ordinal).Count(),
            InactiveSeats = seats,
            NeverUsedSeats = rows.Sum(r => r.NeverUsed ?? 0),
            FreedSeats = freed,
            IdentityProviderSeats = rows.Sum(r => r.HeldByIdentityProvider ?? 0),
            CostAtStakePerMonth = price * seats,
            CostFreedPerMonth = price * freed,
            Periods = report.Users.Where(u => u.MoreThan is not null).Select(u => u.MoreThan!.Value).Distinct().Order().ToArray(),
            AsOf = report.Users.Where(u => u.AsOf is not null).Select(u => u.AsOf!.Value.ToUniversalTime()).Distinct().Order().ToArray(),
            SomeUnjudged = report.Users.Any(u => u.MoreThan is null || u.AsOf is null),
        };
    }
}
