namespace JiraDeactivate.Core.Inactivity;

/// <summary>
/// Decides whether a user is inactive in a product: one implementation for the CSV path and the API path.
/// </summary>
/// <remarks>
/// Atlassian records a day of activity when the user viewed a product page for at least 2 seconds, and its data
/// can be up to 24 hours behind. So activity is measured from the day before <see cref="AsOf"/> (the last day
/// the data is sure to cover): a user seen on that day or within <see cref="MoreThanDays"/> days before it is active.
/// A user who never used the product is measured from the day they were added to the organization (a fact, not
/// activity data, so without the lag): new invitees get the same grace period. Without an added date they are
/// reported as inactive and marked NeverActive.
/// </remarks>
public sealed class InactivityRule
{
    /// <summary>How far behind Atlassian's last-active data can be.</summary>
    public static readonly TimeSpan ReportingLag = ActivityData.ReportingLag;

    public InactivityRule(int moreThanDays, DateTime asOf)
    {
        if (moreThanDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(moreThanDays), moreThanDays, "The inactivity period must be at least 1 day.");
        }

        MoreThanDays = moreThanDays;
        // A bare date ("-AsOf 2026-11-01") means that UTC day, like every date in Atlassian's data.
        AsOf = asOf.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(asOf, DateTimeKind.Utc) : asOf.ToUniversalTime();
        ActivityDataDate = (AsOf - ReportingLag).Date;
    }

    /// <summary>A user is inactive after more than this many days without activity.</summary>
    public int MoreThanDays { get; }

    /// <summary>The moment (UTC) the rule is applied at.</summary>
    public DateTime AsOf { get; }

    /// <summary>The last UTC day that Atlassian's activity data is sure to cover.</summary>
    public DateTime ActivityDataDate { get; }

    /// <summary>Applies the rule to one user's data for one product they have access to.</summary>
    /// <param name="lastActive">The UTC date of the last activity in the product, or null when never active.</param>
    /// <param name="addedToOrg">The UTC date the user was added to the organization, when known.</param>
    public InactivityVerdict Evaluate(DateTime? lastActive, DateTime? addedToOrg)
    {
        if (lastActive is { } seen)
        {
            int days = (ActivityDataDate - seen.Date).Days;
            return new InactivityVerdict(days > MoreThanDays, days, NeverActive: false);
        }

        if (addedToOrg is { } added)
        {
            int days = (AsOf.Date - added.Date).Days;
            return new InactivityVerdict(days > MoreThanDays, days, NeverActive: true);
        }

        return new InactivityVerdict(IsInactive: true, DaysInactive: null, NeverActive: true);
    }
}
