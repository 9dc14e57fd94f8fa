using System.Text.RegularExpressions;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Csv;

/// <summary>What each column of an export holds, worked out from its header row (case-insensitive).</summary>
internal sealed partial class ExportColumns
{
    private static readonly string[] s_currentRequired = ["User id", "User name", "email", "User status"];
    private static readonly string[] s_legacyRequired = ["username", "full_name", "email", "active"];

    // Products that appear as "<Product> - <site>" access columns or as Yes/No columns in older exports.
    private static readonly HashSet<string> s_knownProducts = new(StringComparer.OrdinalIgnoreCase)
    {
        "Jira", "Jira Software", "Jira Service Management", "Jira Service Desk", "Jira Work Management", "Jira Core",
        "Jira Product Discovery", "Confluence", "Atlas", "Bitbucket", "Assets", "Compass", "Goals", "Projects",
        "Loom", "Trello", "Opsgenie", "Statuspage", "Jira Align", "Focus", "Rovo", "Talent",
    };

    private readonly IReadOnlyDictionary<string, int> _fixed;

    private ExportColumns(ExportFormat format, IReadOnlyDictionary<string, int> fixedColumns, IReadOnlyList<int> groupColumns, IReadOnlyList<ProductColumns> products, int legacyLastLogin)
    {
        Format = format;
        _fixed = fixedColumns;
        GroupColumns = groupColumns;
        Products = products;
        LegacyLastLogin = legacyLastLogin;
    }

    public ExportFormat Format { get; }

    public IReadOnlyList<int> GroupColumns { get; }

    public IReadOnlyList<ProductColumns> Products { get; }

    /// <summary>The account-level "last_login" or "Last active in Jira" column of older exports, or -1.</summary>
    public int LegacyLastLogin { get; }

    public int AccountId => Index("User id", "username");

    public int DisplayName => Index("User name", "full_name");

    public int Email => Index("email", "email");

    public int Status => Index("User status", "active");

    public int AddedToOrg => Index("Added to org", "created");

    public int OrgRole => Index("Org role", "Org role");

    /// <summary>Reads a header row; returns null and the missing columns when it is not a users export.</summary>
    /// <exception cref="UserExportIntegrityException">Two columns give the same value.</exception>
    public static ExportColumns? TryParse(IReadOnlyList<string> header, string path, out IReadOnlyList<string> missing)
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var duplicates = new List<string>();
        for (int i = 0; i < header.Count; i++)
        {
            string name = header[i].Trim();
            if (!names.TryAdd(name, i) && name.Length > 0)
            {
                duplicates.Add($"'{name}' (columns {names[name] + 1} and {i + 1})");
            }
        }

        var format = names.ContainsKey("User id") || !names.ContainsKey("username") ? ExportFormat.Current : ExportFormat.Legacy;
        var required = format == ExportFormat.Current ? s_currentRequired : s_legacyRequired;
        missing = Array.FindAll(required, r => !names.ContainsKey(r));
        if (missing.Count > 0)
        {
            return null;
        }

        var groups = new List<int>();
        var products = new Dictionary<(string Product, string? Site), ProductColumns>();
        int lastLogin = -1;
        for (int i = 0; i < header.Count; i++)
        {
            string name = header[i].Trim();
            if (IsGroupColumn(name))
            {
                groups.Add(i);
            }
            else if (format == ExportFormat.Legacy && IsLegacyLastActivity(name))
            {
                // "Last active in Jira" (per product family) beats "last_login" (account level).
                lastLogin = lastLogin < 0 || name.StartsWith("Last", StringComparison.OrdinalIgnoreCase) ? i : lastLogin;
            }
            else if (LastSeenColumn().Match(name) is { Success: true } seen)
            {
                var (product, site) = SplitProductAndSite(seen.Groups["rest"].Value);
                var slot = Slot(products, product, site);
                NoteSameMeaning(duplicates, header, slot.LastSeen, i);
                slot.LastSeen = i;
            }
            else if (s_knownProducts.Contains(name))
            {
                var slot = Slot(products, name, null);
                NoteSameMeaning(duplicates, header, slot.Access, i);
                slot.Access = i;
            }
            else if (AccessColumn().Match(name) is { Success: true } access && s_knownProducts.Contains(access.Groups["product"].Value.Trim()))
            {
                var slot = Slot(products, access.Groups["product"].Value.Trim(), access.Groups["site"].Value.Trim());
                NoteSameMeaning(duplicates, header, slot.Access, i);
                slot.Access = i;
            }
        }

        if (duplicates.Count > 0)
        {
            throw new UserExportIntegrityException(path, 1, ExportIntegrityProblem.DuplicateColumns,
                $"'{path}' has duplicate columns: {string.Join("; ", duplicates)}. Which one holds the user's data cannot be told; remove the extra column.");
        }

        return new ExportColumns(format, names, groups, products.Values.ToArray(), lastLogin);
    }

    // "Jira Software - acme" and "Jira - acme" are the same product on the same site: one of the two would be lost.
    private static void NoteSameMeaning(List<string> duplicates, IReadOnlyList<string> header, int earlier, int later)
    {
        if (earlier >= 0 && !header[earlier].Trim().Equals(header[later].Trim(), StringComparison.OrdinalIgnoreCase))
        {
            duplicates.Add($"'{header[earlier].Trim()}' and '{header[later].Trim()}' (columns {earlier + 1} and {later + 1}) give the same product and site");
        }
    }

    private int Index(string current, string legacy) =>
        _fixed.TryGetValue(Format == ExportFormat.Current ? current : legacy, out int i) ? i : -1;

    private static bool IsLegacyLastActivity(string name) =>
        name.Equals("last_login", StringComparison.OrdinalIgnoreCase) || name.Equals("Last active in Jira", StringComparison.OrdinalIgnoreCase);

    private static bool IsGroupColumn(string name) =>
        name.Equals("Group name", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Groups", StringComparison.OrdinalIgnoreCase)
        || name.Equals("group_name", StringComparison.OrdinalIgnoreCase)
        || PivotedGroupColumn().IsMatch(name);

    // "Jira Software - acme" is a product on a site; "Jira Service Management" alone has no site.
    private static (string Product, string? Site) SplitProductAndSite(string text)
    {
        int dash = text.LastIndexOf(" - ", StringComparison.Ordinal);
        return dash < 0 ? (text.Trim(), null) : (text[..dash].Trim(), text[(dash + 3)..].Trim());
    }

    private static ProductColumns Slot(Dictionary<(string, string?), ProductColumns> products, string product, string? site)
    {
        string canonical = ProductNames.FromExportName(product) is { } jira ? jira.ToString() : product;
        var key = (canonical.ToUpperInvariant(), site?.ToUpperInvariant());
        if (!products.TryGetValue(key, out var slot))
        {
            slot = new ProductColumns(product, ProductNames.FromExportName(product), site);
            products[key] = slot;
        }

        return slot;
    }

    [GeneratedRegex(@"^Last (seen|active) in (?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastSeenColumn();

    [GeneratedRegex(@"^(?<product>.+) - (?<site>[^-].*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AccessColumn();

    [GeneratedRegex(@"^Group \d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PivotedGroupColumn();
}
