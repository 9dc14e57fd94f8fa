using System.Text.Json;

namespace JiraDeactivate.Emulator.State;

/// <summary>
/// The live org, site, groups and users. Every public member takes one lock and hands out immutable views,
/// so concurrent requests see each change whole or not at all.
/// </summary>
public sealed partial class OrgState
{
    private readonly Lock _gate = new();
    private StateDocument _document = new();
    private List<GroupRecord> _groups = [];
    private Dictionary<string, GroupRecord> _groupsById = [];
    private Dictionary<string, GroupRecord> _groupsByName = [];
    private Dictionary<string, UserDocument> _usersById = [];
    private Dictionary<string, UserDocument> _usersByEmail = [];
    private List<ProductView> _products = [];
    private long _version;
    private readonly Dictionary<string, UserView> _views = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<UserView>> _lists = new(StringComparer.Ordinal);
    private long _viewsVersion = -1;

    public OrgState(StateDocument document) => Load(document);

    /// <summary>Grows by one on every change; equal versions mean an unchanged state.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Replaces the whole state with a copy of <paramref name="document"/>.</summary>
    /// <exception cref="InvalidDataException">The document is inconsistent (dangling ids, duplicates, ...).</exception>
    public void Load(StateDocument document)
    {
        var copy = Clone(document);
        StateValidator.ThrowIfInvalid(copy);
        var groups = copy.Groups.Select(g => new GroupRecord(g.GroupId, g.Name, [.. g.Members], g.Synced, [.. g.IdentityProviderMembers ?? g.Members])).ToList();
        var groupsByName = groups.ToDictionary(g => g.Name, StringComparer.OrdinalIgnoreCase);
        var products = copy.Products.Select(p => new ProductView(
            p.Key, p.AdminKey, p.Name, p.CsvName, p.ApplicationRole, p.Platform, p.NumberOfSeats, p.UserCountNoun,
            [.. p.Groups.Select(n => groupsByName[n].Ref)],
            [.. p.DefaultGroups.Select(n => groupsByName[n].Ref)])).ToList();
        lock (_gate)
        {
            _document = copy;
            _groups = groups;
            _groupsById = groups.ToDictionary(g => g.GroupId, StringComparer.Ordinal);
            _groupsByName = groupsByName;
            _usersById = copy.Users.ToDictionary(u => u.AccountId, StringComparer.Ordinal);
            _usersByEmail = copy.Users.Where(u => u.Email is not null).ToDictionary(u => u.Email!, StringComparer.OrdinalIgnoreCase);
            _products = products;
            _version++;
        }
    }

    public StateDocument ToDocument()
    {
        lock (_gate)
        {
            foreach (var (record, document) in _groups.Zip(_document.Groups))
            {
                document.Members = [.. record.Members.Order(StringComparer.Ordinal)];
                document.IdentityProviderMembers = record.Synced ? [.. record.IdentityProviderMembers.Order(StringComparer.Ordinal)] : null;
            }

            return Clone(_document);
        }
    }

    public SiteView Site
    {
        get
        {
            lock (_gate)
            {
                return new SiteView(_document.Site.Name, _document.Site.CloudId, _document.Site.OrgId);
            }
        }
    }

    public IReadOnlyList<ProductView> Products
    {
        get
        {
            lock (_gate)
            {
                return _products;
            }
        }
    }

    public IReadOnlyList<OrgView> ListOrgs()
    {
        lock (_gate)
        {
            return [.. _document.Orgs.Select(o => new OrgView(o.Id, o.Name, o.DirectoryId))];
        }
    }

    public CredentialsView GetCredentials()
    {
        lock (_gate)
        {
            var tokens = _document.Credentials.JiraTokens
                .Select(t => (Token: t, User: FindUserByEmail(t.Email)))
                .Where(t => t.User is not null)
                .ToList();
            var admin = tokens.FirstOrDefault(t => IsSiteAdmin(t.User!.AccountId)).Token;
            var nonAdmin = tokens.FirstOrDefault(t => !IsSiteAdmin(t.User!.AccountId)).Token;
            return new CredentialsView(
                admin?.Email ?? "", admin?.ApiToken ?? "", nonAdmin?.Email ?? "", nonAdmin?.ApiToken ?? "",
                _document.Credentials.AdminApiKeys.FirstOrDefault() ?? "");
        }
    }

    /// <returns>The caller, or null when the email and token do not match an active account.</returns>
    public JiraCaller? AuthenticateJira(string email, string apiToken)
    {
        lock (_gate)
        {
            var known = _document.Credentials.JiraTokens.Any(t =>
                string.Equals(t.Email, email, StringComparison.OrdinalIgnoreCase)
                && string.Equals(t.ApiToken, apiToken, StringComparison.Ordinal));
            return known ? CallerFor(email) : null;
        }
    }

    public bool IsAdminApiKey(string key)
    {
        lock (_gate)
        {
            return _document.Credentials.AdminApiKeys.Contains(key, StringComparer.Ordinal);
        }
    }

    public UserView? FindUser(string accountId)
    {
        lock (_gate)
        {
            return _usersById.TryGetValue(accountId, out var user) ? ToView(user) : null;
        }
    }

    /// <summary>The users of <paramref name="orgId"/> in directory order; null for an unknown org.</summary>
    public IReadOnlyList<UserView>? ListOrgUsers(string orgId)
    {
        lock (_gate)
        {
            if (!_document.Orgs.Any(o => o.Id == orgId))
            {
                return null;
            }

            return orgId == _document.Site.OrgId ? Cached("org", () => [.. _document.Users.Select(ToView)]) : [];
        }
    }

    public IReadOnlyList<GroupView> ListGroups()
    {
        lock (_gate)
        {
            return [.. _groups.Select(ToView)];
        }
    }

    public GroupView? FindGroup(GroupSelector selector)
    {
        lock (_gate)
        {
            return Resolve(selector) is { } group ? ToView(group) : null;
        }
    }

    /// <summary>Members ordered by display name (Jira orders by user name); null for an unknown group.</summary>
    public IReadOnlyList<UserView>? ListMembers(GroupSelector selector, bool includeInactive)
    {
        lock (_gate)
        {
            if (Resolve(selector) is not { } group)
            {
                return null;
            }

            return Cached($"members:{group.GroupId}:{includeInactive}", () =>
            [
                .. group.Members
                    .Select(id => _usersById[id])
                    .Where(u => includeInactive || (u.AccountStatus == "active" && !u.Suspended))
                    .OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(u => u.AccountId, StringComparer.Ordinal)
                    .Select(ToView),
            ]);
        }
    }

    public IReadOnlyList<ApplicationRoleView> ListApplicationRoles()
    {
        lock (_gate)
        {
            return [.. _products.Where(p => p.ApplicationRole).Select(p => new ApplicationRoleView(p, CountLicensedUsers(p)))];
        }
    }

    public MembershipResult RemoveMember(GroupSelector selector, string accountId) =>
        ChangeMembership(selector, accountId, (group, id) => group.Members.Remove(id), MembershipOutcome.NotMember);

    public MembershipResult AddMember(GroupSelector selector, string accountId) =>
        ChangeMembership(selector, accountId, (group, id) => group.Members.Add(id), MembershipOutcome.AlreadyMember);

    /// <summary>Suspends or restores a user's access to the org (groups are kept either way).</summary>
    public AccessOutcome SetSuspended(string orgId, string accountId, bool suspended)
    {
        lock (_gate)
        {
            if (!_document.Orgs.Any(o => o.Id == orgId))
            {
                return AccessOutcome.OrgNotFound;
            }

            if (orgId != _document.Site.OrgId || !_usersById.TryGetValue(accountId, out var user))
            {
                return AccessOutcome.UserNotFound;
            }

            if (user.AccountType == "app")
            {
                return AccessOutcome.NotAllowed;
            }

            if (user.Suspended != suspended)
            {
                user.Suspended = suspended;
                _version++;
            }

            return AccessOutcome.Changed;
        }
    }

    /// <summary>
    /// Records that a user used a product on a day (the product's Admin API key, e.g. "jira-software"), as if the
    /// user worked in it after an export was taken. False when the user or the product is unknown.
    /// </summary>
    public bool RecordActivity(string accountId, string productKey, DateOnly? day)
    {
        lock (_gate)
        {
            if (!_usersById.TryGetValue(accountId, out var user) || !_document.Products.Any(p => p.AdminKey == productKey))
            {
                return false;
            }

            user.LastActive[productKey] = day ?? _document.AsOf;
            _version++;
            return true;
        }
    }

    private MembershipResult ChangeMembership(
        GroupSelector selector, string accountId, Func<GroupRecord, string, bool> change, MembershipOutcome noChange)
    {
        lock (_gate)
        {
            if (Resolve(selector) is not { } group)
            {
                return new MembershipResult(MembershipOutcome.GroupNotFound, null);
            }

            if (!_usersById.ContainsKey(accountId))
            {
                return new MembershipResult(MembershipOutcome.UserNotFound, ToView(group));
            }

            if (!change(group, accountId))
            {
                return new MembershipResult(noChange, ToView(group));
            }

            _version++;
            return new MembershipResult(MembershipOutcome.Changed, ToView(group));
        }
    }

    // Every path counts: a member of a granting group, and a user holding the role directly.
    private int CountLicensedUsers(ProductView product) =>
        product.Groups
            .SelectMany(g => _groupsById[g.GroupId].Members)
            .Concat(_document.Users.Where(u => u.DirectRoles.Contains(product.Key, StringComparer.Ordinal)).Select(u => u.AccountId))
            .Distinct(StringComparer.Ordinal)
            .Select(id => _usersById[id])
            .Count(u => u.AccountType != "app" && u.AccountStatus == "active" && !u.Suspended);

    private GroupRecord? Resolve(GroupSelector selector)
    {
        if (!string.IsNullOrEmpty(selector.GroupId))
        {
            return _groupsById.GetValueOrDefault(selector.GroupId);
        }

        return string.IsNullOrEmpty(selector.GroupName) ? null : _groupsByName.GetValueOrDefault(selector.GroupName);
    }

    private UserDocument? FindUserByEmail(string email) => _usersByEmail.GetValueOrDefault(email);

    private bool IsSiteAdmin(string accountId) => IsInAny(accountId, _document.SiteAdminGroups);

    private bool IsInAny(string accountId, IEnumerable<string> groupNames) =>
        groupNames.Any(name => _groupsByName.TryGetValue(name, out var g) && g.Members.Contains(accountId));

    // Views are immutable, so one per user and state version is shared: paging through a large org (the v2 search,
    // group members) no longer rebuilds every user's view on every page.
    private UserView ToView(UserDocument user)
    {
        ForgetOldViews();
        if (!_views.TryGetValue(user.AccountId, out var view))
        {
            view = BuildView(user);
            _views[user.AccountId] = view;
        }

        return view;
    }

    private IReadOnlyList<UserView> Cached(string key, Func<IReadOnlyList<UserView>> build)
    {
        ForgetOldViews();
        if (!_lists.TryGetValue(key, out var list))
        {
            list = build();
            _lists[key] = list;
        }

        return list;
    }

    private void ForgetOldViews()
    {
        if (_viewsVersion != _version)
        {
            _views.Clear();
            _lists.Clear();
            _viewsVersion = _version;
        }
    }

    private UserView BuildView(UserDocument user)
    {
        var groups = _groups.Where(g => g.Members.Contains(user.AccountId)).ToList();
        return new UserView(
            user.AccountId, user.AccountType, user.DisplayName, user.Email, user.EmailVisible, user.TimeZone, user.Locale,
            user.AccountStatus, user.Suspended, user.Managed, user.OrgAdmin, user.AddedToOrg,
            new Dictionary<string, DateOnly>(user.LastActive),
            [.. groups.Select(g => g.Ref).OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)],
            [.. _products.Where(p => p.Groups.Any(pg => groups.Any(g => g.GroupId == pg.GroupId)) || user.DirectRoles.Contains(p.Key, StringComparer.Ordinal)).Select(p => p.Key)],
            [.. user.DirectRoles],
            [.. groups.Where(g => g.Synced).Select(g => g.GroupId)]);
    }

    private GroupView ToView(GroupRecord group) => new(
        group.Ref,
        group.Members.Count,
        _document.SiteAdminGroups.Contains(group.Name, StringComparer.OrdinalIgnoreCase),
        _document.AdministerGroups.Contains(group.Name, StringComparer.OrdinalIgnoreCase),
        [.. _products.Where(p => p.Groups.Any(g => g.GroupId == group.GroupId)).Select(p => p.Key)],
        group.Synced);

    private static StateDocument Clone(StateDocument document) =>
        JsonSerializer.Deserialize<StateDocument>(JsonSerializer.SerializeToUtf8Bytes(document, EmulatorJson.StateFile), EmulatorJson.StateFile)!;

    private sealed class GroupRecord(string groupId, string name, HashSet<string> members, bool synced, HashSet<string> identityProviderMembers)
    {
        public bool Synced { get; } = synced;

        /// <summary>What the identity provider's next sync puts back (synced groups only).</summary>
        public HashSet<string> IdentityProviderMembers { get; } = identityProviderMembers;

        public string GroupId { get; } = groupId;

        public string Name { get; } = name;

        public HashSet<string> Members { get; } = members;

        public GroupRef Ref { get; } = new(groupId, name);
    }
}
