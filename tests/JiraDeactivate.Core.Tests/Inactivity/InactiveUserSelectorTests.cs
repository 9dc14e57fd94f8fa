using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Tests.Inactivity;

public class InactiveUserSelectorTests
{
    private static readonly DateTime s_asOf = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_longAgo = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_recently = new(2026, 10, 30, 0, 0, 0, DateTimeKind.Utc);

    private static JiraUserActivity User(string id, AccountStatus status = AccountStatus.Active, string? email = null, params ProductActivity[] products) => new()
    {
        AccountId = id,
        Email = email ?? $"{id}@acme.example",
        StatusValue = status,
        AddedToOrg = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Products = products,
    };

    private static ProductActivity Jira(string site, bool? access, DateTime? lastSeen, bool reported = true) =>
        new("Jira", JiraProduct.JiraSoftware, site, access, lastSeen, reported);

    private static List<InactiveJiraUser> Select(JiraUserActivity user, InactiveUserFilter? filter = null) =>
        new InactiveUserSelector(JiraProduct.JiraSoftware, new InactivityRule(90, s_asOf), filter ?? InactiveUserFilter.Default).Select(user).ToList();

    [Fact]
    public void Reports_each_site_where_the_user_is_inactive()
    {
        var result = Select(User("a", products: [Jira("acme", true, s_longAgo), Jira("acme-eu", true, s_recently), Jira("other", true, null)]));

        Assert.Equal(["acme", "other"], result.Select(r => r.Site));
        Assert.Equal((s_longAgo, false), (result[0].LastActive, result[0].NeverActive));
        Assert.True(result[1].NeverActive);
        Assert.All(result, r => Assert.Equal(JiraProduct.JiraSoftware, r.ProductValue));
    }

    [Fact]
    public void Users_without_access_or_without_activity_data_are_not_reported()
    {
        Assert.Empty(Select(User("a", products: [Jira("acme", false, s_longAgo), Jira("b", true, null, reported: false)])));
    }

    [Fact]
    public void Other_products_are_ignored()
    {
        Assert.Empty(Select(User("a", products: [new ProductActivity("Jira Service Management", JiraProduct.JiraServiceManagement, "acme", true, s_longAgo)])));
    }

    [Theory]
    [InlineData(AccountStatus.Suspended)]
    [InlineData(AccountStatus.Deactivated)]
    public void Accounts_without_a_seat_are_skipped_unless_asked_for(AccountStatus status)
    {
        var user = User("a", status, products: [Jira("acme", true, s_longAgo)]);

        Assert.Empty(Select(user));
        Assert.Single(Select(user, new InactiveUserFilter { IncludeSuspended = true, IncludeDeactivated = true }));
    }

    [Fact]
    public void Excluded_users_and_unselected_sites_are_skipped()
    {
        var user = User("a", email: "a@contractor.example", products: [Jira("acme", true, s_longAgo), Jira("acme-eu", true, s_longAgo)]);

        Assert.Empty(Select(user, new InactiveUserFilter { IsExcluded = (_, email) => email!.EndsWith("@contractor.example", StringComparison.Ordinal) }));
        Assert.Equal(["acme-eu"], Select(user, new InactiveUserFilter { IsSiteSelected = s => s == "acme-eu" }).Select(r => r.Site));
    }
}
