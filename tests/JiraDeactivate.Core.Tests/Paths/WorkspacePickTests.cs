using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Tests.Paths;

/// <summary>The site's workspace is picked by its cloud ID or hostUrl and the product's keys, never guessed (issue 23).</summary>
public sealed class WorkspacePickTests
{
    private const string CloudId = "8baf54e4-1f82-4b31-a89c-5f65b284c5a6";
    private static readonly Uri s_site = new("https://acme.atlassian.net/");

    [Theory]
    [InlineData("jira")]
    [InlineData("jira-software")]
    public void Jiras_workspace_is_found_whichever_owner_its_ARI_names_and_its_id_is_kept_unchanged(string owner)
    {
        Workspace[] all =
        [
            new($"ari:cloud:confluence::site/{CloudId}", "confluence", "confluence", "https://acme.atlassian.net"),
            new($"ari:cloud:{owner}::site/{CloudId}", owner, owner, "https://acme.atlassian.net"),
            new($"ari:cloud:jira-servicedesk::site/{CloudId}", "jira-servicedesk", "jira-servicedesk", "https://acme.atlassian.net"),
        ];

        var (software, _) = Workspace.Pick(all, JiraProduct.JiraSoftware, CloudId, s_site);
        var (service, _) = Workspace.Pick(all, JiraProduct.JiraServiceManagement, CloudId, s_site);

        Assert.Equal($"ari:cloud:{owner}::site/{CloudId}", software?.Id);
        Assert.Equal($"ari:cloud:jira-servicedesk::site/{CloudId}", service?.Id);
    }

    [Fact]
    public void Another_sites_workspace_is_never_taken()
    {
        Workspace[] all = [new("ari:cloud:jira::site/another-cloud-id", "jira", "jira", "https://other.atlassian.net")];

        var (workspace, problem) = Workspace.Pick(all, JiraProduct.JiraSoftware, CloudId, s_site);

        Assert.Null(workspace);
        Assert.Contains("no workspace of the connected site", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workspace_is_matched_by_hostUrl_when_its_id_does_not_end_in_the_cloud_ID()
    {
        Workspace[] all = [new("opaque-id-42", "jira-software", null, "https://ACME.atlassian.net")];

        Assert.Equal("opaque-id-42", Workspace.Pick(all, JiraProduct.JiraSoftware, CloudId, s_site).Workspace?.Id);
    }

    [Fact]
    public void Two_candidates_are_not_guessed_between()
    {
        Workspace[] all =
        [
            new($"ari:cloud:jira::site/{CloudId}", "jira", "jira", null),
            new($"ari:cloud:jira-software::site/{CloudId}", "jira-software", "jira-software", null),
        ];

        var (workspace, problem) = Workspace.Pick(all, JiraProduct.JiraSoftware, CloudId, s_site);

        Assert.Null(workspace);
        Assert.Contains("none is guessed", problem, StringComparison.Ordinal);
    }
}
