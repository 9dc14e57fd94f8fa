using JiraDeactivate.Core.Inactivity;

namespace JiraDeactivate.Core.Tests.Inactivity;

public class InactivityRuleTests
{
    // Applied at noon UTC on 2 Apr 2026: Atlassian's data is sure to cover 1 Apr 2026 (the 24-hour lag).
    private static readonly DateTime s_asOf = new(2026, 4, 2, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_dataDate = new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Last_active_exactly_N_days_before_the_data_date_is_active()
    {
        var verdict = new InactivityRule(90, s_asOf).Evaluate(s_dataDate.AddDays(-90), addedToOrg: null);

        Assert.False(verdict.IsInactive);
        Assert.Equal(90, verdict.DaysInactive);
        Assert.False(verdict.NeverActive);
    }

    [Fact]
    public void Last_active_N_plus_1_days_before_the_data_date_is_inactive()
    {
        var verdict = new InactivityRule(90, s_asOf).Evaluate(s_dataDate.AddDays(-91), addedToOrg: null);

        Assert.True(verdict.IsInactive);
        Assert.Equal(91, verdict.DaysInactive);
    }

    [Fact]
    public void The_24_hour_lag_gives_one_more_day_of_grace_than_the_calendar()
    {
        // 91 calendar days before AsOf, but only 90 before the last day the data is sure to cover.
        var lastActive = s_asOf.Date.AddDays(-91);

        var verdict = new InactivityRule(90, s_asOf).Evaluate(lastActive, addedToOrg: null);

        Assert.False(verdict.IsInactive);
        Assert.Equal(90, verdict.DaysInactive);
    }

    [Fact]
    public void Lag_is_measured_from_the_exact_moment_not_the_calendar_day()
    {
        // Local 01:30 on 2 Apr in UTC+2 is 23:30 UTC on 1 Apr; 24 hours earlier is 31 Mar.
        var local = new DateTimeOffset(2026, 4, 2, 1, 30, 0, TimeSpan.FromHours(2)).UtcDateTime;

        var rule = new InactivityRule(30, local);

        Assert.Equal(new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc), rule.ActivityDataDate);
    }

    [Fact]
    public void Activity_after_the_data_date_counts_as_active()
    {
        var verdict = new InactivityRule(1, s_asOf).Evaluate(s_asOf.Date, addedToOrg: null);

        Assert.False(verdict.IsInactive);
        Assert.Equal(-1, verdict.DaysInactive);
    }

    [Fact]
    public void Never_active_user_added_exactly_N_days_ago_is_in_the_grace_period()
    {
        var verdict = new InactivityRule(30, s_asOf).Evaluate(lastActive: null, addedToOrg: s_asOf.Date.AddDays(-30));

        Assert.False(verdict.IsInactive);
        Assert.True(verdict.NeverActive);
        Assert.Equal(30, verdict.DaysInactive);
    }

    [Fact]
    public void Never_active_user_added_N_plus_1_days_ago_is_inactive()
    {
        var verdict = new InactivityRule(30, s_asOf).Evaluate(lastActive: null, addedToOrg: s_asOf.Date.AddDays(-31));

        Assert.True(verdict.IsInactive);
        Assert.True(verdict.NeverActive);
        Assert.Equal(31, verdict.DaysInactive);
    }

    [Fact]
    public void Never_active_user_without_an_added_date_is_reported_as_never_active()
    {
        var verdict = new InactivityRule(365, s_asOf).Evaluate(lastActive: null, addedToOrg: null);

        Assert.True(verdict.IsInactive);
        Assert.True(verdict.NeverActive);
        Assert.Null(verdict.DaysInactive);
    }

    [Fact]
    public void A_bare_date_means_that_UTC_day()
    {
        var rule = new InactivityRule(30, new DateTime(2026, 4, 2));

        Assert.Equal(new DateTime(2026, 4, 2, 0, 0, 0, DateTimeKind.Utc), rule.AsOf);
        Assert.Equal(DateTimeKind.Utc, rule.AsOf.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_period_below_one_day_is_refused(int days)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new InactivityRule(days, s_asOf));

        Assert.Contains("at least 1 day", error.Message, StringComparison.Ordinal);
    }
}
