using System.Globalization;
using System.Text;

namespace JiraDeactivate.Emulator.State;

/// <summary>What a generated state depends on; the same recipe always gives the same state.</summary>
/// <param name="Seed">Seeds every random choice.</param>
/// <param name="Users">How many accounts (admin and non-admin included).</param>
/// <param name="AsOf">The day every date is relative to.</param>
/// <param name="SiteName">The site's sub-domain.</param>
/// <param name="Orgs">How many orgs (the first holds the site).</param>
/// <param name="AccessPaths">
/// Users per access path besides a local group (a direct role alone; a direct role and a local group; a synced group
/// alone; a synced and a local group), all inactive in Jira Software for 200-400 days; 0 adds none and no synced group.
/// </param>
/// <param name="DevelopersOverlap">
/// The chance that a member of jira-software-users is also in jira-developers (another group granting Jira Software):
/// with the testers' 15%, it sets how many granting memberships a Jira user has (about 1.41 at the default 0.4, 1.3 at 0.25).
/// </param>
public sealed record StateRecipe(int Seed, int Users, DateOnly AsOf, string SiteName, int Orgs, int AccessPaths = 0, double DevelopersOverlap = StateRecipe.DefaultDevelopersOverlap)
{
    public const double DefaultDevelopersOverlap = 0.4;
}

/// <summary>
/// Generates a realistic org deterministically: products and their access groups, users in several groups,
/// and a spread of last-active dates (recent, stale, never used, recent invitees, former users of a product),
/// plus app accounts, deactivated and suspended accounts, hidden emails and site admins.
/// The first user is the site admin (admin@&lt;site&gt;.example), the second a plain user; credentials are added by
/// <see cref="StateCredentials"/>.
/// </summary>
public static class StateGenerator
{
    public const string SiteAdminsGroup = "site-admins";
    public const string JiraSoftwareUsersGroup = "jira-software-users";
    public const string JiraDevelopersGroup = "jira-developers";
    public const string JiraTestersGroup = "jira-testers";
    public const string ServiceManagementUsersGroup = "jira-servicemanagement-users";
    public const string ServiceManagementAgentsGroup = "jsm-agents";
    public const string ConfluenceUsersGroup = "confluence-users";
    public const string AppsGroup = "atlassian-addons-admin";
    public const string EngineeringGroup = "engineering";
    public const string MarketingGroup = "marketing";
    public const string ContractorsGroup = "external-contractors";

    /// <summary>The group an identity provider syncs (with <see cref="StateRecipe.AccessPaths"/>); it grants Jira Software.</summary>
    public const string SyncedJiraGroup = "idp-jira-users";

    public const string JiraSoftwareKey = "jira-software";
    public const string ServiceManagementKey = "jira-servicedesk";
    public const string ServiceManagementAdminKey = "jira-service-desk";
    public const string ConfluenceKey = "confluence";

    public static string JiraAdminsGroup(string siteName) => $"jira-admins-{siteName}";

    public static StateDocument Generate(StateRecipe recipe) => new Builder(recipe).Build();

    private enum Persona
    {
        Admin,
        NonAdmin,
        App,
        Deactivated,
        Suspended,
        Invitee,
        Regular,
    }

    private sealed class Builder(StateRecipe recipe)
    {
        private readonly Random _random = new(recipe.Seed);
        private readonly StateDocument _document = new() { AsOf = recipe.AsOf };
        private readonly Dictionary<string, GroupDocument> _groups = [];
        private readonly Dictionary<string, HashSet<string>> _memberSets = [];
        private readonly HashSet<string> _emails = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _accountIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _displayNames = new(StringComparer.Ordinal);
        private readonly string _companyDomain = $"{recipe.SiteName}.example";

        public StateDocument Build()
        {
            AddOrgsAndSite();
            AddGroups();
            for (var index = 0; index < recipe.Users; index++)
            {
                AddUser(index, PersonaFor(index));
            }

            for (var index = 0; index < recipe.AccessPaths * 4; index++)
            {
                AddAccessPathUser(index % 4);
            }

            AddProducts();
            return _document;
        }

        private Persona PersonaFor(int index) => index switch
        {
            0 => Persona.Admin,
            1 => Persona.NonAdmin,
            2 => Persona.App,
            3 => Persona.Deactivated,
            4 => Persona.Suspended,
            5 => Persona.Invitee,
            _ => _random.NextDouble() switch
            {
                < 0.03 => Persona.App,
                < 0.08 => Persona.Deactivated,
                < 0.10 => Persona.Suspended,
                < 0.16 => Persona.Invitee,
                _ => Persona.Regular,
            },
        };

        private void AddOrgsAndSite()
        {
            var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(recipe.SiteName.Replace('-', ' '));
            for (var i = 0; i < recipe.Orgs; i++)
            {
                _document.Orgs.Add(new OrgDocument
                {
                    Id = NewUuid(),
                    Name = i == 0 ? title : $"{title} Subsidiary {i + 1}",
                    DirectoryId = NewUuid(),
                });
            }

            _document.Site = new SiteDocument { Name = recipe.SiteName, CloudId = NewUuid(), OrgId = _document.Orgs[0].Id };
        }

        private void AddGroups()
        {
            string[] names =
            [
                SiteAdminsGroup, JiraAdminsGroup(recipe.SiteName), JiraSoftwareUsersGroup, JiraDevelopersGroup,
                JiraTestersGroup, ServiceManagementUsersGroup, ServiceManagementAgentsGroup, ConfluenceUsersGroup,
                AppsGroup, EngineeringGroup, MarketingGroup, ContractorsGroup,
            ];
            foreach (var name in recipe.AccessPaths > 0 ? [.. names, SyncedJiraGroup] : names)
            {
                var group = new GroupDocument { GroupId = NewUuid(), Name = name, Synced = name == SyncedJiraGroup };
                _groups[name] = group;
                _memberSets[name] = new HashSet<string>(StringComparer.Ordinal);
                _document.Groups.Add(group);
            }

            _document.SiteAdminGroups = [SiteAdminsGroup];
            _document.AdministerGroups = [JiraAdminsGroup(recipe.SiteName), SiteAdminsGroup];
        }

        private void AddUser(int index, Persona persona)
        {
            var user = persona == Persona.App ? NewAppAccount() : NewPerson(persona);
            _document.Users.Add(user);
            switch (persona)
            {
                case Persona.Admin:
                    user.OrgAdmin = true;
                    user.AddedToOrg = DaysAgo(1200);
                    Join(user, SiteAdminsGroup, JiraAdminsGroup(recipe.SiteName), JiraSoftwareUsersGroup,
                        ServiceManagementUsersGroup, ConfluenceUsersGroup, EngineeringGroup);
                    user.LastActive[JiraSoftwareKey] = DaysAgo(1);
                    user.LastActive[ServiceManagementAdminKey] = DaysAgo(3);
                    user.LastActive[ConfluenceKey] = DaysAgo(10);
                    break;
                case Persona.NonAdmin:
                    user.AddedToOrg = DaysAgo(700);
                    Join(user, JiraSoftwareUsersGroup, ConfluenceUsersGroup, EngineeringGroup);
                    user.LastActive[JiraSoftwareKey] = DaysAgo(2);
                    user.LastActive[ConfluenceKey] = DaysAgo(5);
                    break;
                case Persona.App:
                    Join(user, AppsGroup);
                    if (Chance(0.5))
                    {
                        Join(user, JiraSoftwareUsersGroup);
                    }

                    break;
                case Persona.Invitee:
                    user.AddedToOrg = DaysAgo(_random.Next(0, 30));
                    Join(user, JiraSoftwareUsersGroup, ConfluenceUsersGroup);
                    if (Chance(0.3))
                    {
                        Join(user, ServiceManagementUsersGroup);
                    }

                    break;
                default:
                    var addedDaysAgo = _random.Next(60, 1500);
                    user.AddedToOrg = DaysAgo(addedDaysAgo);
                    user.AccountStatus = persona == Persona.Deactivated ? "inactive" : "active";
                    user.Suspended = persona == Persona.Suspended;
                    JoinProductAndTeamGroups(user, forceSiteAdmin: index == 6);
                    AddActivity(user, addedDaysAgo, staleOnly: persona != Persona.Regular);
                    break;
            }
        }

        // 0: a direct role alone; 1: a direct role and a local group; 2: a synced group alone; 3: a synced and a local group.
        private void AddAccessPathUser(int path)
        {
            var user = NewPerson(Persona.Regular);
            _document.Users.Add(user);
            user.AddedToOrg = DaysAgo(900);
            user.LastActive[JiraSoftwareKey] = DaysAgo(_random.Next(200, 400));
            if (path is 0 or 1)
            {
                user.DirectRoles.Add(JiraSoftwareKey);
            }

            if (path is 2 or 3)
            {
                Join(user, SyncedJiraGroup);
            }

            if (path is 1 or 3)
            {
                Join(user, JiraSoftwareUsersGroup);
            }
        }

        private UserDocument NewPerson(Persona persona)
        {
            var (first, last) = persona switch
            {
                Persona.Admin => ("Jordan", "Admin"),
                Persona.NonAdmin => ("Casey", "User"),
                _ => (Pick(NamePools.FirstNames), Pick(NamePools.LastNames)),
            };
            var managed = persona is Persona.Admin or Persona.NonAdmin || Chance(0.9);
            var domain = managed ? _companyDomain : Pick(NamePools.ExternalDomains);
            var localPart = persona == Persona.Admin ? "admin" : $"{EmailWord(first)}.{EmailWord(last)}";
            var user = new UserDocument
            {
                AccountId = NewAccountId(modern: Chance(0.8)),
                DisplayName = UniqueDisplayName($"{first} {last}"),
                Email = UniqueEmail(localPart, domain),
                EmailVisible = persona is Persona.Admin or Persona.NonAdmin || Chance(0.92),
                TimeZone = Pick(NamePools.TimeZones),
                Locale = Pick(NamePools.Locales),
                Managed = managed,
            };
            if (!managed)
            {
                Join(user, ContractorsGroup);
            }

            return user;
        }

        private UserDocument NewAppAccount() => new()
        {
            AccountId = UniqueAccountId(() => "557058:" + NewUuid()),
            AccountType = "app",
            DisplayName = UniqueDisplayName(Pick(NamePools.AppNames)),
            Email = null,
            EmailVisible = false,
            Managed = false,
        };

        private void JoinProductAndTeamGroups(UserDocument user, bool forceSiteAdmin)
        {
            if (Chance(0.85))
            {
                // A quarter reach Jira only through a non-default group, so clients must read every role group.
                if (Chance(0.75))
                {
                    Join(user, JiraSoftwareUsersGroup);
                    JoinSometimes(user, JiraDevelopersGroup, recipe.DevelopersOverlap);
                    JoinSometimes(user, JiraTestersGroup, 0.15);
                }
                else
                {
                    Join(user, Chance(0.7) ? JiraDevelopersGroup : JiraTestersGroup);
                }
            }

            if (Chance(0.35))
            {
                if (Chance(0.7))
                {
                    Join(user, ServiceManagementUsersGroup);
                    JoinSometimes(user, ServiceManagementAgentsGroup, 0.3);
                }
                else
                {
                    Join(user, ServiceManagementAgentsGroup);
                }
            }

            JoinSometimes(user, ConfluenceUsersGroup, 0.6);
            JoinSometimes(user, EngineeringGroup, 0.4);
            JoinSometimes(user, MarketingGroup, 0.15);
            JoinSometimes(user, JiraAdminsGroup(recipe.SiteName), 0.03);
            if (forceSiteAdmin || Chance(0.015))
            {
                Join(user, SiteAdminsGroup);
            }

            user.OrgAdmin = Chance(0.01);
        }

        private void AddActivity(UserDocument user, int addedDaysAgo, bool staleOnly)
        {
            foreach (var (productKey, groups) in ProductGroups())
            {
                var hasAccess = groups.Any(g => _memberSets[g].Contains(user.AccountId));
                if (hasAccess)
                {
                    var roll = _random.NextDouble();
                    if (!staleOnly && roll < 0.45)
                    {
                        user.LastActive[productKey] = DaysAgo(_random.Next(0, Math.Min(30, addedDaysAgo + 1)));
                    }
                    else if (roll < 0.80)
                    {
                        user.LastActive[productKey] = DaysAgo(_random.Next(30, Math.Max(31, Math.Min(400, addedDaysAgo))));
                    }
                }
                else if (Chance(0.1))
                {
                    // Used the product once, lost access since: the date outlives the access.
                    user.LastActive[productKey] = DaysAgo(_random.Next(30, Math.Max(31, Math.Min(400, addedDaysAgo))));
                }
            }
        }

        private void AddProducts()
        {
            foreach (var (adminKey, groups) in ProductGroups())
            {
                var product = adminKey switch
                {
                    JiraSoftwareKey => new ProductDocument
                    {
                        Key = JiraSoftwareKey,
                        AdminKey = JiraSoftwareKey,
                        Name = "Jira Software",
                        CsvName = "Jira",
                        ApplicationRole = true,
                        UserCountNoun = "users",
                    },
                    ServiceManagementAdminKey => new ProductDocument
                    {
                        Key = ServiceManagementKey,
                        AdminKey = ServiceManagementAdminKey,
                        Name = "Jira Service Management",
                        CsvName = "Jira Service Management",
                        ApplicationRole = true,
                        UserCountNoun = "agents",
                    },
                    _ => new ProductDocument
                    {
                        Key = ConfluenceKey,
                        AdminKey = ConfluenceKey,
                        Name = "Confluence",
                        CsvName = "Confluence",
                        ApplicationRole = false,
                        UserCountNoun = "users",
                    },
                };
                product.Groups = [.. groups];
                product.DefaultGroups = [groups[0]];
                var licensed = _document.Users.Count(u =>
                    u.AccountType != "app" && u.AccountStatus == "active" && !u.Suspended
                    && (groups.Any(g => _memberSets[g].Contains(u.AccountId)) || u.DirectRoles.Contains(product.Key)));
                var step = licensed < 100 ? 10 : 50;
                product.NumberOfSeats = ((licensed / step) + 1) * step;
                _document.Products.Add(product);
            }
        }

        // The first group of each list is the product's default group.
        private IEnumerable<(string AdminKey, string[] Groups)> ProductGroups() =>
        [
            (JiraSoftwareKey, recipe.AccessPaths > 0 ? [JiraSoftwareUsersGroup, JiraDevelopersGroup, JiraTestersGroup, SyncedJiraGroup] : [JiraSoftwareUsersGroup, JiraDevelopersGroup, JiraTestersGroup]),
            (ServiceManagementAdminKey, [ServiceManagementUsersGroup, ServiceManagementAgentsGroup]),
            (ConfluenceKey, [ConfluenceUsersGroup]),
        ];

        private void Join(UserDocument user, params string[] groupNames)
        {
            foreach (var name in groupNames)
            {
                if (_memberSets[name].Add(user.AccountId))
                {
                    _groups[name].Members.Add(user.AccountId);
                }
            }
        }

        private void JoinSometimes(UserDocument user, string groupName, double probability)
        {
            if (Chance(probability))
            {
                Join(user, groupName);
            }
        }

        private bool Chance(double probability) => _random.NextDouble() < probability;

        private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

        private DateOnly DaysAgo(int days) => recipe.AsOf.AddDays(-days);

        private string NewUuid()
        {
            var bytes = new byte[16];
            _random.NextBytes(bytes);
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return Convert.ToHexStringLower(bytes).Insert(20, "-").Insert(16, "-").Insert(12, "-").Insert(8, "-");
        }

        private string NewAccountId(bool modern) => UniqueAccountId(() =>
        {
            if (modern)
            {
                return "712020:" + NewUuid();
            }

            var bytes = new byte[12];
            _random.NextBytes(bytes);
            return Convert.ToHexStringLower(bytes);
        });

        private string UniqueAccountId(Func<string> next)
        {
            var id = next();
            while (!_accountIds.Add(id))
            {
                id = next();
            }

            return id;
        }

        private string UniqueEmail(string localPart, string domain)
        {
            var email = $"{localPart}@{domain}";
            for (var n = 2; !_emails.Add(email); n++)
            {
                email = $"{localPart}{n}@{domain}";
            }

            return email;
        }

        // Distinct display names keep group/member's order (by display name) unambiguous.
        private string UniqueDisplayName(string name)
        {
            var candidate = name;
            for (var n = 2; !_displayNames.Add(candidate); n++)
            {
                candidate = $"{name} ({n})";
            }

            return candidate;
        }

        private static string EmailWord(string name)
        {
            var builder = new StringBuilder();
            foreach (var c in name.Replace("ü", "ue", StringComparison.Ordinal).ToLowerInvariant())
            {
                if (c is >= 'a' and <= 'z')
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
