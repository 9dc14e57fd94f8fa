using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Tests.Paths;

/// <summary>Any one of the group search's three signals marks a group synced (contract §2.6b).</summary>
public sealed class SyncedGroupTests
{
    [Theory]
    [InlineData(true, "admins", true, true)]
    [InlineData(false, "external", true, true)]
    [InlineData(null, "EXTERNAL", null, true)]
    [InlineData(false, "admins", false, true)]
    [InlineData(false, "admins", true, false)]
    [InlineData(null, null, null, false)]
    [InlineData(false, "open", true, false)]
    public void A_group_is_synced_when_any_signal_says_so(bool? externalSynced, string? managedBy, bool? modifiable, bool synced) =>
        Assert.Equal(synced, new AdminGroup("uuid", "idp-group", externalSynced, managedBy, modifiable).IsSynced);

    [Fact]
    public void A_group_is_joined_to_Jiras_by_groupId_before_its_name()
    {
        var group = new AdminGroup("276f955c", "renamed-in-admin", true, null, null);

        Assert.True(group.Is(new JiraGroup("276F955C", "jira-software-users")));
        Assert.False(group.Is(new JiraGroup("other-id", "renamed-in-admin")));
        Assert.True(new AdminGroup(null, "Jira-Software-Users", true, null, null).Is(new JiraGroup(null, "jira-software-users")));
    }
}
