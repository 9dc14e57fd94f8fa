using System.Globalization;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.Http;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Admin;

/// <summary>Turns state views into Admin API bodies (v1 OrgModel, User, last-active dates; v2 MultiDirectoryUser).</summary>
internal sealed class AdminRepresentations(HttpRequest request, string cloudId)
{
    public AdminOrg Org(OrgView org)
    {
        var orgUrl = Url($"/admin/v1/orgs/{org.Id}");
        return new AdminOrg(
            org.Id, "orgs", new AdminOrgAttributes(org.Name),
            new AdminOrgRelationships(
                new AdminRelationship(new AdminRelatedLink($"{orgUrl}/domains")),
                new AdminRelationship(new AdminRelatedLink($"{orgUrl}/users"))),
            new AdminSelfLink(orgUrl));
    }

    public AdminLastActiveDates LastActiveDates(UserView user, IReadOnlyList<ProductView> products, EmulatorConfig config) => new(
        new AdminLastActiveData(
            [.. ProductActivity.For(user, products, config.ListUndatedProducts).Select(p =>
            {
                // v1 answered "jira-software" in 2026; v2 names Jira "jira", and the keys are an open set (contract §7).
                var key = p.AdminKey == StateGenerator.JiraSoftwareKey ? config.LastActiveJiraKey : p.AdminKey;
                return new AdminProductLastActive(Ari(key), key, p.LastActive);
            })],
            user.AddedToOrg),
        new AdminLinks());

    public AdminUser User(UserView user, IReadOnlyList<ProductView> products, string siteUrl)
    {
        var access = products
            .Where(p => user.HasAccessTo(p) || user.LastActiveIn(p) is not null)
            .Select(p => new AdminUserProductAccess(p.AdminKey, p.Name, siteUrl, user.LastActiveIn(p)))
            .ToList();
        var lastActive = user.LastActive.Values.DefaultIfEmpty().Max();
        return new AdminUser(
            user.AccountId, user.AccountType, user.AccountStatus, user.DisplayName, Picture(user), user.VisibleEmail,
            AccessBillable: user.JiraActive && !user.IsApp && user.ProductKeys.Count > 0,
            user.LastActive.Count == 0 ? null : Timestamp(lastActive),
            access,
            new AdminSelfLink(Url($"/users/{user.AccountId}/manage/profile")));
    }

    public AdminV2User V2User(UserView user, IReadOnlyList<ProductView> products, V2Expand expand, EmulatorConfig config)
    {
        var membership = user.Suspended ? "suspended" : "active";
        var status = V2Status(user);
        IReadOnlyList<AdminV2ProductAccess>? productAccess = expand.ProductAccess
            ? [.. ProductActivity.For(user, products, config.SearchListsUndated).Select(p =>
            {
                var key = V2ProductKey(p.AdminKey, config);
                return new AdminV2ProductAccess(key, config.SearchProductId == "ari" ? Ari(key) : cloudId, p.LastActive is { } date ? Timestamp(date) : null);
            })]
            : null;
        IReadOnlyList<AdminV2Group>? groups = expand.Groups ? [.. user.Groups.Select(g => new AdminV2Group(g.GroupId, g.Name))] : null;
        return new AdminV2User(
            user.AccountId, user.AccountType, status, user.AccountStatus, membership,
            user.AddedToOrg is { } added ? Timestamp(added) : null,
            // An org admin sees managed accounts' emails, also those the user hides from Jira.
            user.DisplayName, user.Managed ? user.Email : user.VisibleEmail, user.Managed ? "managed" : "unmanaged", Picture(user),
            productAccess, groups, ForDeletion: false,
            expand.PlatformRoles ? PlatformRoles(user) : null);
    }

    /// <summary>The v2 composite status: deactivated (account not active), suspended (membership) or active.</summary>
    public static string V2Status(UserView user) => user.AccountStatus != "active" ? "deactivated" : user.Suspended ? "suspended" : "active";

    /// <summary>The user's organization-level admin roles (the v2 platformRoles); the emulator knows org admins only.</summary>
    public static IReadOnlyList<string> PlatformRoles(UserView user) => user.OrgAdmin ? [OrgAdminRole] : [];

    public const string OrgAdminRole = "atlassian/org-admin";

    /// <summary>The ARI that joins a last-active entry to this site: ari:cloud:&lt;product&gt;::site/&lt;cloudId&gt;.</summary>
    private string Ari(string adminKey) => $"ari:cloud:{adminKey}::site/{cloudId}";

    private string Url(string path) => RequestUrls.Build(request, path);

    // v2 names Jira "jira" in its only example; the JSM key is undocumented (contract §4): both are knobs.
    private static string V2ProductKey(string adminKey, EmulatorConfig config) => adminKey switch
    {
        StateGenerator.JiraSoftwareKey => config.SearchJiraKey,
        StateGenerator.ServiceManagementAdminKey => config.SearchServiceManagementKey,
        _ => adminKey,
    };

    // The state keeps dates only; timestamps fields get midnight UTC of that date.
    private static string Timestamp(DateOnly date) =>
        date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Picture(UserView user) =>
        $"https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/{user.AccountId}/default.png";
}

/// <summary>What a v2 user search asked to expand.</summary>
internal readonly record struct V2Expand(bool ProductAccess, bool Groups, bool PlatformRoles)
{
    public static V2Expand Of(IReadOnlyList<string>? expand) => new(
        expand?.Contains("productAccess") == true, expand?.Contains("groups") == true, expand?.Contains("platformRoles") == true);
}
