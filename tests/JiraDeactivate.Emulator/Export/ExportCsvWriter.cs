using System.Globalization;
using System.Text;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Export;

/// <summary>
/// Writes the state as Atlassian's current "Export users" CSV (one row per user, groups as a comma-separated list).
/// "Last seen" dates come from the same data as the Admin API's last_active, so both paths agree.
/// App accounts are left out, as the site export lists people only.
/// </summary>
public static class ExportCsvWriter
{
    public const string NeverAccessed = "Never accessed";
    public const string HasAccess = "User";
    public const string DateFormat = "d MMM yyyy";

    public static string Write(OrgState state)
    {
        var site = state.Site;
        var products = state.Products;
        var users = state.ListOrgUsers(site.OrgId) ?? [];
        var csv = new StringBuilder();
        AppendRow(csv,
        [
            "User id", "User name", "email", "User status", "Added to org", "Org role",
            .. products.Select(p => $"Last seen in {p.CsvName} - {site.Name}"),
            .. products.Select(p => $"{p.CsvName} - {site.Name}"),
            "Group name",
        ]);
        foreach (var user in users.Where(u => !u.IsApp))
        {
            AppendRow(csv,
            [
                user.AccountId,
                user.DisplayName,
                user.Email ?? "",
                Status(user),
                FormatDate(user.AddedToOrg) ?? "",
                user.OrgAdmin ? "Organization admin" : "",
                .. products.Select(p => FormatDate(user.LastActiveIn(p)) ?? NeverAccessed),
                .. products.Select(p => user.HasAccessTo(p) ? HasAccess : ""),
                string.Join(",", user.Groups.Select(g => g.Name)),
            ]);
        }

        return csv.ToString();
    }

    public static string Status(UserView user) =>
        user.AccountStatus != "active" ? "Deactivated" : user.Suspended ? "Suspended" : "Active";

    private static string? FormatDate(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    // RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes; CRLF between records.
    private static void AppendRow(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i];
            csv.Append(field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field);
        }

        csv.Append("\r\n");
    }
}
