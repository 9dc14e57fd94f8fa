using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Tests.Inactivity;

/// <summary>What a v2 search record proves about a holder; anything short of an entry for the product on this site proves nothing.</summary>
public sealed class SearchEvidenceTests
{
    private const string CloudId = "58d24034-e3ec-11ed-b5ea-0242ac120002";
    private static readonly DateTime s_day = new(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_added = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DirectoryUser Record(DateTime? added, params DirectoryProductAccess[] access) =>
        new("a1", "atlassian", "active", "active", "active", added, access, null);

    [Theory]
    [InlineData("jira", JiraProduct.JiraSoftware)]
    [InlineData("jira-software", JiraProduct.JiraSoftware)]
    [InlineData("JIRA-CORE", JiraProduct.JiraSoftware)]
    [InlineData("jira-work-management", JiraProduct.JiraSoftware)]
    [InlineData("jira-servicedesk", JiraProduct.JiraServiceManagement)]
    [InlineData("jira-service-desk", JiraProduct.JiraServiceManagement)]
    [InlineData("jira-service-management", JiraProduct.JiraServiceManagement)]
    public void Every_known_spelling_of_the_key_is_the_product(string key, JiraProduct product)
    {
        var evidence = SearchEvidence.Find(Record(s_added, new DirectoryProductAccess(key, CloudId, s_day)), product, CloudId);

        Assert.Equal(s_day, evidence?.LastActive);
        Assert.Null(SearchEvidence.Find(Record(s_added, new DirectoryProductAccess(key, CloudId, s_day)), Other(product), CloudId));
    }

    [Theory]
    [InlineData(CloudId, true)]
    [InlineData("ari:cloud:jira::site/" + CloudId, true)]
    [InlineData("ari:cloud:jira-software::site/" + CloudId, true)]
    [InlineData("ari:cloud:jira::site/11111111-e3ec-11ed-b5ea-0242ac120002", false)]
    [InlineData(CloudId + "-other", false)]
    [InlineData(null, false)]
    public void Only_an_entry_of_this_site_counts(string? id, bool counts)
    {
        var evidence = SearchEvidence.Find(Record(s_added, new DirectoryProductAccess("jira", id, s_day)), JiraProduct.JiraSoftware, CloudId);

        Assert.Equal(counts, evidence is not null);
    }

    [Fact]
    public void No_entry_no_record_or_no_product_access_field_proves_nothing()
    {
        Assert.Null(SearchEvidence.Find(null, JiraProduct.JiraSoftware, CloudId));
        Assert.Null(SearchEvidence.Find(Record(s_added), JiraProduct.JiraSoftware, CloudId));
        Assert.Null(SearchEvidence.Find(Record(s_added, new DirectoryProductAccess("confluence", CloudId, s_day)), JiraProduct.JiraSoftware, CloudId));
        Assert.Null(SearchEvidence.Find(new DirectoryUser("a1", null, null, null, null, s_added, null, null), JiraProduct.JiraSoftware, CloudId));
    }

    [Fact]
    public void An_entry_without_a_timestamp_is_never_used_but_only_with_the_join_date_for_the_grace_period()
    {
        var undated = new DirectoryProductAccess("jira", CloudId, null);

        Assert.Equal(new ProductEvidence(null), SearchEvidence.Find(Record(s_added, undated), JiraProduct.JiraSoftware, CloudId));
        Assert.Null(SearchEvidence.Find(Record(null, undated), JiraProduct.JiraSoftware, CloudId));
        Assert.Equal(s_day, SearchEvidence.Find(Record(null, undated, new DirectoryProductAccess("jira-software", CloudId, s_day)), JiraProduct.JiraSoftware, CloudId)?.LastActive);
    }

    [Fact]
    public void The_last_look_takes_the_judgments_evidence_but_not_beside_a_key_it_cannot_name()
    {
        var undated = new DirectoryProductAccess("jira", CloudId, null);
        var unnamed = new DirectoryProductAccess("jira-next", CloudId, s_day);

        Assert.Equal(new ProductEvidence(null), SearchEvidence.ForLastLook(Record(s_added, undated), JiraProduct.JiraSoftware, CloudId));
        Assert.Equal(s_day, SearchEvidence.ForLastLook(Record(s_added, new DirectoryProductAccess("jira-software", CloudId, s_day)), JiraProduct.JiraSoftware, CloudId)?.LastActive);
        Assert.Null(SearchEvidence.ForLastLook(Record(s_added, undated, unnamed), JiraProduct.JiraSoftware, CloudId));
        Assert.Null(SearchEvidence.ForLastLook(Record(s_added, new DirectoryProductAccess("confluence", CloudId, s_day)), JiraProduct.JiraSoftware, CloudId));
        Assert.Null(SearchEvidence.ForLastLook(Record(null, undated), JiraProduct.JiraSoftware, CloudId));
        Assert.Null(SearchEvidence.ForLastLook(null, JiraProduct.JiraSoftware, CloudId));
    }

    [Theory]
    [InlineData("active", "active", "active", AccountStatus.Active)]
    [InlineData("suspended", "active", "suspended", AccountStatus.Suspended)]
    [InlineData(null, null, "suspended", AccountStatus.Suspended)]
    [InlineData("deactivated", "inactive", "active", AccountStatus.Deactivated)]
    [InlineData(null, "closed", null, AccountStatus.Deactivated)]
    [InlineData("for_deletion", "active", "active", AccountStatus.Deactivated)]
    [InlineData("not_invited", "active", "no_membership", null)]
    [InlineData(null, null, null, null)]
    public void The_status_is_taken_only_where_the_search_says_it(string? status, string? accountStatus, string? membership, AccountStatus? expected)
    {
        Assert.Equal(expected, SearchEvidence.StatusOf(new DirectoryUser("a1", null, status, accountStatus, membership, null, [], null)));
    }

    private static JiraProduct Other(JiraProduct product) =>
        product == JiraProduct.JiraSoftware ? JiraProduct.JiraServiceManagement : JiraProduct.JiraSoftware;
}
