using System.Security;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Http;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Tests.Http;
using Microsoft.Extensions.Time.Testing;

namespace JiraDeactivate.Core.Tests.Integrity;

/// <summary>The last look judges a user again with the Admin API's data as of now (issue 12).</summary>
public sealed class LastLookTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static async Task<LastLookResult> LookAsync(Func<string, int, string?> answer)
    {
        await using var server = new LoopbackServer(answer);
        using var key = new SecureString();
        key.AppendChar('k');
        using var http = AtlassianHttpClientFactory.Create(server.BaseAddress, ApiCredential.Bearer(key),
            new HttpClientOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(5) }, new HttpCallStats());
        var look = new LastLook(new AdminApiClient(http.Client), "org-1", "cloud-1", new FakeTimeProvider(s_now));
        return await look.CheckAsync("ann", JiraProduct.JiraSoftware, new InactivityJudgment(90, s_now.UtcDateTime.AddDays(-30)), CancellationToken.None);
    }

    private static string Dates(string lastActive) => LoopbackServer.Answer(200, "OK",
        """{"data":{"product_access":[{"id":"ari:cloud:jira-software::site/cloud-1","key":"jira-software","last_active":""" + $"\"{lastActive}\"" +
        """},{"id":"ari:cloud:jira-software::site/other","key":"jira-software","last_active":"2026-11-28"}],"added_to_org":"2020-01-01"},"links":{}}""");

    [Fact]
    public async Task A_user_who_worked_since_the_data_was_read_is_no_longer_inactive()
    {
        var result = await LookAsync((_, _) => Dates("2026-11-20"));

        Assert.False(result.Verdict!.Value.IsInactive);
        Assert.Equal(new DateTime(2026, 11, 20), result.LastActive);
        Assert.Contains("last active 2026-11-20", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_still_inactive_as_of_now_stays_inactive_and_other_sites_do_not_count()
    {
        var result = await LookAsync((_, _) => Dates("2026-05-01"));

        Assert.True(result.Verdict!.Value.IsInactive);
        Assert.Equal(new DateTime(2026, 5, 1), result.LastActive);
    }

    [Fact]
    public async Task A_failed_read_is_a_result_that_says_why()
    {
        var result = await LookAsync((_, _) => LoopbackServer.Answer(404, "Not Found", """{"errors":[{"code":"ADMIN-404-8","title":"User not found"}]}"""));

        Assert.Null(result.Verdict);
        Assert.NotNull(result.Failure);
        Assert.Contains("failed", result.Describe(), StringComparison.Ordinal);
    }

    private static string Entries(string entries, string added = "2020-01-01") =>
        LoopbackServer.Answer(200, "OK", "{\"data\":{\"product_access\":[" + entries + "],\"added_to_org\":\"" + added + "\"},\"links\":{}}");

    [Fact]
    public async Task Jira_under_the_v2_name_jira_is_read_as_Jira_Software()
    {
        var result = await LookAsync((_, _) => Entries("""{"id":"ari:cloud:jira::site/cloud-1","key":"jira","last_active":"2026-11-27"}"""));

        Assert.Null(result.CannotJudge);
        Assert.False(result.Verdict!.Value.IsInactive);
        Assert.Equal(new DateTime(2026, 11, 27), result.LastActive);
    }

    [Fact]
    public async Task An_entry_under_a_key_the_module_cannot_name_cannot_be_judged_never_never_used()
    {
        var result = await LookAsync((_, _) => Entries("""{"id":"ari:cloud:jira-next::site/cloud-1","key":"jira-next","last_active":"2026-11-28"}"""));

        Assert.Null(result.Verdict);
        Assert.Contains("jira-next", result.CannotJudge, StringComparison.Ordinal);
        Assert.Contains("cannot judge", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_products_without_an_entry_for_the_held_one_cannot_be_judged()
    {
        var result = await LookAsync((_, _) => Entries("""{"id":"ari:cloud:confluence::site/cloud-1","key":"confluence","last_active":"2026-01-01"}"""));

        Assert.Null(result.Verdict);
        Assert.Contains("no entry for JiraSoftware", result.CannotJudge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_answer_is_never_used_measured_from_the_join_date()
    {
        var recent = await LookAsync((_, _) => Entries(string.Empty, added: "2026-11-28"));
        var old = await LookAsync((_, _) => Entries(string.Empty, added: "2025-01-01"));

        Assert.False(recent.Verdict!.Value.IsInactive);
        Assert.True(recent.Verdict!.Value.NeverActive);
        Assert.True(old.Verdict!.Value.IsInactive);
    }
}
