using JiraDeactivate.Core.Inactivity;

namespace JiraDeactivate.Core.Tests.Paths;

/// <summary>How a judged user holds the product, from the user's groups and the run's granting and synced groups (issue 23).</summary>
public sealed class GroupPathsTests
{
    private static readonly GroupPaths s_paths = new(
        new HashSet<string>(["jira-software-users", "idp-jira-users"], StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(["idp-jira-users"], StringComparer.OrdinalIgnoreCase));

    [Theory]
    [InlineData(new[] { "jira-software-users", "engineering" }, new[] { "group" }, new string[0])]
    [InlineData(new[] { "IDP-jira-users" }, new[] { "synced group" }, new[] { "IDP-jira-users" })]
    [InlineData(new[] { "idp-jira-users", "jira-software-users" }, new[] { "group", "synced group" }, new[] { "idp-jira-users" })]
    [InlineData(new[] { "engineering" }, new[] { "not by a group" }, new string[0])]
    [InlineData(new string[0], new[] { "not by a group" }, new string[0])]
    public void A_CSV_users_groups_say_how_the_user_holds_the_product(string[] groups, string[] paths, string[] synced)
    {
        var (found, syncedFound) = s_paths.Of(groups, TextList.Empty);

        Assert.Equal(paths, found);
        Assert.Equal(synced, syncedFound);
    }

    [Fact]
    public void The_API_paths_holder_whom_no_group_explains_stays_so()
    {
        var (found, _) = s_paths.Of([], (string[])["not by a group"]);

        Assert.Equal(["not by a group"], found);
    }

    [Fact]
    public void Without_the_granting_groups_the_source_is_taken_as_it_is()
    {
        var (found, synced) = new GroupPaths(null, null).Of(["idp-jira-users"], (string[])["group"]);

        Assert.Equal(["group"], found);
        Assert.Empty(synced);
    }

    [Fact]
    public void Without_the_Admin_API_no_group_is_called_synced()
    {
        var (found, synced) = (s_paths with { Synced = null }).Of(["idp-jira-users"], TextList.Empty);

        Assert.Equal(["group"], found);
        Assert.Empty(synced);
    }
}
