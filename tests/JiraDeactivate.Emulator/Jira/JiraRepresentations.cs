using JiraDeactivate.Emulator.Http;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Jira;

/// <summary>Turns state views into Jira REST v3 bodies, with self links on the caller's base URL.</summary>
internal sealed class JiraRepresentations(HttpRequest request)
{
    private const string AvatarBase = "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default-avatar";

    public string UserUrl(string accountId) => RequestUrls.Build(request, "/rest/api/3/user", ("accountId", accountId));

    public string GroupUrl(string groupId) => RequestUrls.Build(request, "/rest/api/3/group", ("groupId", groupId));

    public JiraUserDetails UserDetails(UserView user) => new(
        user.AccountId, user.AccountType, user.JiraActive, AvatarUrls(), user.DisplayName, user.VisibleEmail,
        Key: "", Name: "", UserUrl(user.AccountId), user.TimeZone);

    /// <summary>The User body; <paramref name="roles"/> are the application roles the user can use.</summary>
    public JiraUser User(UserView user, IReadOnlyList<ApplicationRoleView> roles, bool expandGroups, bool expandRoles, bool fullRoles, bool unlimitedSeats)
    {
        IReadOnlyList<object> groupItems = expandGroups ? [.. user.Groups.Select(GroupName)] : [];
        IReadOnlyList<object> roleItems = !expandRoles ? []
            : fullRoles ? [.. roles.Select(r => ApplicationRole(r, unlimitedSeats))]
            : [.. roles.Select(r => new JiraApplicationRoleSummary(r.Product.Key, r.Product.Name))];
        return new JiraUser(
            UserUrl(user.AccountId), user.AccountId, user.AccountType, user.VisibleEmail, AvatarUrls(), user.DisplayName,
            user.JiraActive, user.TimeZone, user.Locale,
            new JiraItemList(user.Groups.Count, groupItems),
            new JiraItemList(roles.Count, roleItems),
            "groups,applicationRoles");
    }

    public JiraGroupName GroupName(GroupRef group) => new(group.GroupId, group.Name, GroupUrl(group.GroupId));

    public JiraGroup Group(GroupView group) => new(
        group.Group.Name, group.Group.GroupId, GroupUrl(group.Group.GroupId),
        new JiraGroupUsers(group.MemberCount, [], MaxResults: 50, StartIndex: 0, EndIndex: 0), "users");

    public JiraApplicationRole ApplicationRole(ApplicationRoleView role, bool unlimitedSeats)
    {
        var product = role.Product;
        return new JiraApplicationRole(
            [.. product.DefaultGroups.Select(g => g.Name)],
            [.. product.DefaultGroups.Select(GroupName)],
            Defined: false,
            [.. product.Groups.Select(GroupName)],
            [.. product.Groups.Select(g => g.Name)],
            unlimitedSeats,
            product.Key,
            product.Name,
            unlimitedSeats ? -1 : product.NumberOfSeats,
            product.Platform,
            unlimitedSeats ? -1 : product.NumberOfSeats - role.UserCount,
            SelectedByDefault: false,
            role.UserCount,
            $"{role.UserCount} {product.UserCountNoun}");
    }

    private static JiraAvatarUrls AvatarUrls() =>
        new($"{AvatarBase}.png?size=48", $"{AvatarBase}.png?size=24", $"{AvatarBase}.png?size=16", $"{AvatarBase}.png?size=32");
}
