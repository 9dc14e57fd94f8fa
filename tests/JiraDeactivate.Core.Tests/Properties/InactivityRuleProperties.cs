using FsCheck;
using FsCheck.Fluent;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Tests.Properties;

/// <summary>The inactivity rule is monotonic: a longer period never finds more users, a later -AsOf never finds fewer.</summary>
public class InactivityRuleProperties
{
    private static readonly DateTime s_start = new(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Gen<DateTime?> Date() =>
        Gen.OneOf(Gen.Constant<DateTime?>(null), from day in Gen.Choose(0, 365 * 9) select (DateTime?)s_start.AddDays(day));

    private static Gen<DateTime> Moment() =>
        from day in Gen.Choose(0, 365 * 10)
        from minute in Gen.Choose(0, (24 * 60) - 1)
        from kind in Gen.Elements(DateTimeKind.Utc, DateTimeKind.Unspecified)
        select DateTime.SpecifyKind(s_start.AddDays(day).AddMinutes(minute), kind);

    private static Gen<JiraUserActivity> User() =>
        from id in Gen.Choose(1, 1_000_000)
        from added in Date()
        from seen in Date()
        from access in Gen.Elements(true, true, false)
        select new JiraUserActivity
        {
            AccountId = $"a{id}",
            StatusValue = AccountStatus.Active,
            AddedToOrg = added,
            Products = [new ProductActivity("Jira", JiraProduct.JiraSoftware, "acme", access, seen)],
        };

    private static HashSet<string> Inactive(IEnumerable<JiraUserActivity> users, int days, DateTime asOf)
    {
        var selector = new InactiveUserSelector(JiraProduct.JiraSoftware, new InactivityRule(days, asOf), InactiveUserFilter.Default);
        return users.SelectMany(selector.Select).Select(u => u.AccountId).ToHashSet();
    }

    [Fact]
    public void A_longer_period_never_finds_a_user_a_shorter_one_does_not() =>
        Prop.ForAll(
            (from seen in Date()
             from added in Date()
             from asOf in Moment()
             from n1 in Gen.Choose(1, 3000)
             from extra in Gen.Choose(0, 3000)
             select (seen, added, asOf, n1, n2: n1 + extra)).ToArbitrary(),
            c => !new InactivityRule(c.n2, c.asOf).Evaluate(c.seen, c.added).IsInactive || new InactivityRule(c.n1, c.asOf).Evaluate(c.seen, c.added).IsInactive)
        .QuickCheckThrowOnFailure();

    [Fact]
    public void A_later_as_of_never_makes_an_inactive_user_active_and_never_counts_fewer_days() =>
        Prop.ForAll(
            (from seen in Date()
             from added in Date()
             from asOf in Moment()
             from later in Gen.Choose(0, 2000 * 24 * 60)
             from n in Gen.Choose(1, 3000)
             select (seen, added, asOf, later: asOf.AddMinutes(later), n)).ToArbitrary(),
            c =>
            {
                var early = new InactivityRule(c.n, c.asOf).Evaluate(c.seen, c.added);
                var late = new InactivityRule(c.n, c.later).Evaluate(c.seen, c.added);
                return (!early.IsInactive || late.IsInactive) && (early.DaysInactive is null ? late.DaysInactive is null : late.DaysInactive >= early.DaysInactive);
            })
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Selected_sets_shrink_as_the_period_grows_and_grow_as_as_of_moves_on() =>
        Prop.ForAll(
            (from users in User().ListOf()
             from asOf in Moment()
             from n1 in Gen.Choose(1, 2000)
             from extra in Gen.Choose(0, 2000)
             from later in Gen.Choose(0, 1000)
             select (users, asOf, n1, n2: n1 + extra, later: asOf.AddDays(later))).ToArbitrary(),
            c => Inactive(c.users, c.n2, c.asOf).IsSubsetOf(Inactive(c.users, c.n1, c.asOf))
                && Inactive(c.users, c.n1, c.asOf).IsSubsetOf(Inactive(c.users, c.n1, c.later)))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void A_user_with_no_access_is_never_selected() =>
        Prop.ForAll(
            (from user in User() from asOf in Moment() from n in Gen.Choose(1, 3000) select (user, asOf, n)).ToArbitrary(),
            c => c.user.Products[0].HasAccess == true || Inactive([c.user], c.n, c.asOf).Count == 0)
        .QuickCheckThrowOnFailure();
}
