namespace JiraDeactivate.Core.Reports;

/// <summary>Users per month of last activity (UTC), with never-active users counted apart.</summary>
public sealed record ActivityHistogram
{
    /// <summary>At most this many months get their own bar; earlier months share one "earlier" bar.</summary>
    public const int MaxMonths = 24;

    /// <summary>The first day of each month shown, oldest first, and its user count.</summary>
    public IReadOnlyList<(DateTime Month, int Users)> Months { get; init; } = [];

    /// <summary>Users last active before the first month shown.</summary>
    public int Earlier { get; init; }

    public int NeverActive { get; init; }

    public static ActivityHistogram From(IEnumerable<ReportUser> users)
    {
        var counts = new Dictionary<DateTime, int>();
        int never = 0;
        foreach (var user in users)
        {
            if (user.LastActive is { } seen)
            {
                var month = new DateTime(seen.Year, seen.Month, 1, 0, 0, 0, DateTimeKind.Utc);
                counts[month] = counts.GetValueOrDefault(month) + 1;
            }
            else
            {
                never++;
            }
        }

        if (counts.Count == 0)
        {
            return new ActivityHistogram { NeverActive = never };
        }

        var last = counts.Keys.Max();
        var first = counts.Keys.Min();
        var start = first > last.AddMonths(-(MaxMonths - 1)) ? first : last.AddMonths(-(MaxMonths - 1));
        var months = new List<(DateTime, int)>();
        for (var m = start; m <= last; m = m.AddMonths(1))
        {
            months.Add((m, counts.GetValueOrDefault(m)));
        }

        return new ActivityHistogram
        {
            Months = months,
            Earlier = counts.Where(c => c.Key < start).Sum(c => c.Value),
            NeverActive = never,
        };
    }
}
