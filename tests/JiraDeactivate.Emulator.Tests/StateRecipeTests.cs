using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Tests;

public sealed class StateRecipeTests
{
    private static readonly DateOnly s_asOf = new(2026, 11, 1);

    [Fact]
    public void The_developers_overlap_sets_how_many_granting_groups_a_Jira_user_is_in()
    {
        double none = GrantingMembershipsPerJiraUser(0);
        double usual = GrantingMembershipsPerJiraUser(StateRecipe.DefaultDevelopersOverlap);
        double all = GrantingMembershipsPerJiraUser(1);

        Assert.InRange(usual, 1.35, 1.48);
        Assert.True(none < usual - 0.2, $"overlap 0: {none:0.00}, default: {usual:0.00}");
        Assert.True(all > usual + 0.3, $"overlap 1: {all:0.00}, default: {usual:0.00}");
        var noOverlap = StateGenerator.Generate(Generate(0));
        Assert.Empty(Members(noOverlap, StateGenerator.JiraSoftwareUsersGroup).Intersect(Members(noOverlap, StateGenerator.JiraDevelopersGroup)));
    }

    private static StateRecipe Generate(double overlap) => new(7, 1200, s_asOf, "acme", 1, DevelopersOverlap: overlap);

    private static double GrantingMembershipsPerJiraUser(double overlap)
    {
        var state = StateGenerator.Generate(Generate(overlap));
        string[] granting = [StateGenerator.JiraSoftwareUsersGroup, StateGenerator.JiraDevelopersGroup, StateGenerator.JiraTestersGroup];
        var memberships = state.Groups.Where(g => granting.Contains(g.Name)).SelectMany(g => g.Members).ToList();
        return (double)memberships.Count / memberships.Distinct().Count();
    }

    private static List<string> Members(StateDocument state, string group) => state.Groups.Single(g => g.Name == group).Members;
}
