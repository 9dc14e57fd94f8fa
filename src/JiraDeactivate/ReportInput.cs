using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using JiraDeactivate.Commands;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Reports;
using JiraDeactivate.Core.Suspension;

namespace JiraDeactivate;

/// <summary>
/// Sorts what reaches Export-JiraInactivityReport into users, seat counts and results of each action: the module's
/// own objects by type, anything else by its properties (objects read back with Import-Csv or Import-Clixml, a job's
/// output, or results of actions this version does not know, which have AccountId and Status).
/// </summary>
internal static class ReportInput
{
    /// <summary>
    /// The properties Remove-JiraProductAccess binds from its input by name (and their aliases): a user's values of
    /// them go into the page's plan file as the input had them. "Judgment" is named too, whichever way Remove binds it.
    /// </summary>
    private static readonly Lazy<string[]> s_planProperties = new(() => typeof(RemoveJiraProductAccessCommand)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any(a => a.ValueFromPipelineByPropertyName))
        .SelectMany(p => p.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames).Prepend(p.Name))
        .Append("Judgment")
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToArray());

    /// <summary>Adds the object to the report; otherwise returns why it is not taken.</summary>
    public static string? TryAdd(InactivityReport report, PSObject input)
    {
        switch (input.BaseObject)
        {
            case InactiveJiraUser user:
                report.Users.Add(new ReportUser
                {
                    AccountId = user.AccountId,
                    DisplayName = user.DisplayName,
                    Email = user.Email,
                    Product = user.Product,
                    Site = user.Site,
                    LastActive = user.LastActive,
                    DaysInactive = user.DaysInactive,
                    NeverActive = user.NeverActive,
                    Source = user.Source,
                    MoreThan = user.MoreThan,
                    AsOf = user.AsOf,
                    Groups = user.Groups,
                    SyncedGroups = user.SyncedGroups,
                    Plan = PlanValues(input),
                });
                return null;
            case JiraProductLicense license:
                report.Licenses.Add(new ReportLicense
                {
                    Product = license.Product?.ToString() ?? license.Name,
                    Site = license.Site,
                    Seats = license.Unlimited ? null : license.Seats,
                    UsersCounted = license.UsersCounted,
                    Groups = license.Groups,
                });
                return null;
            case ProductAccessRemoval removal:
                report.Results.Add(Result(removal.AccountId, removal.DisplayName, removal.Email, removal.Product, removal.Site, removal.Status, removal.Message, ReportResultKind.Removal));
                return null;
            case ProductAccessRestore restore:
                report.Results.Add(Result(restore.AccountId, restore.DisplayName, null, restore.Product, restore.Site, restore.Status, restore.Message, ReportResultKind.Restore));
                return null;
            case UserSuspension suspension:
                report.Results.Add(Result(suspension.AccountId, suspension.DisplayName, suspension.Email, null, suspension.Site, suspension.Status, suspension.Message, SuspensionKind(suspension.Action)));
                return null;
            case RemovalPlanItem:
                return PlanRowHint;
            case Core.Users.JiraUserActivity:
                return "it is every user of the export, judged by no rule: pipe it through Get-InactiveJiraUser first";
            case JiraProductAccess:
                return "it is a user's current access (Get-JiraProductAccess), which the report does not show";
            case Core.Sessions.JiraAdminConnection:
                return "it is a connection, which the report does not show";
            default:
                return TryAddByProperties(report, input);
        }
    }

    private const string PlanRowHint = "it is a row of a removal plan (-PlanOnly): pipe it to Remove-JiraProductAccess, or pipe Get-InactiveJiraUser's objects into the report, whose selection downloads the plan";

    private static string? TryAddByProperties(InactivityReport report, PSObject input)
    {
        const string NotKnown = "it has none of the properties of inactive users (AccountId, DaysInactive), seat counts (Product, UsersCounted) or results (AccountId, Status)";
        if (Has(input, "UsersCounted") && Text(input, "Product") is { } licensed)
        {
            report.Licenses.Add(new ReportLicense
            {
                Product = ProductNames.FromUserName(licensed)?.ToString() ?? licensed,
                Site = Text(input, "Site"),
                Seats = Flag(input, "Unlimited") ? null : Value<int?>(input, "Seats"),
                UsersCounted = Value<int>(input, "UsersCounted"),
                Groups = List(input, "Groups"),
            });
            return null;
        }

        if (Text(input, "AccountId") is not { } accountId)
        {
            return NotKnown;
        }

        if (Has(input, "DaysInactive") || Has(input, "NeverActive"))
        {
            report.Users.Add(new ReportUser
            {
                AccountId = accountId,
                DisplayName = Text(input, "DisplayName"),
                Email = Text(input, "Email"),
                Product = Text(input, "Product") is { } product ? ProductNames.FromUserName(product)?.ToString() ?? product : string.Empty,
                Site = Text(input, "Site"),
                LastActive = Value<DateTime?>(input, "LastActive"),
                DaysInactive = Value<int?>(input, "DaysInactive"),
                NeverActive = Flag(input, "NeverActive"),
                Source = Text(input, "Source"),
                MoreThan = Value<int?>(input, "MoreThan") is > 0 and var days ? days : null,
                AsOf = Value<DateTime?>(input, "AsOf"),
                Groups = List(input, "Groups"),
                SyncedGroups = List(input, "SyncedGroups"),
                Plan = PlanValues(input),
            });
            return null;
        }

        if (Text(input, "Status") is { } status)
        {
            var kind = Has(input, "GroupsRemoved") ? ReportResultKind.Removal
                : Has(input, "GroupsRestored") ? ReportResultKind.Restore
                : Text(input, "Action") is { } action && SuspensionKind(action) is var lifecycle && lifecycle != ReportResultKind.Other ? lifecycle
                : ReportResultKind.Other;
            report.Results.Add(Result(accountId, Text(input, "DisplayName"), Text(input, "Email"), Text(input, "Product"), Text(input, "Site"), status, Text(input, "Message"), kind));
            return null;
        }

        return Has(input, "Action") ? PlanRowHint : NotKnown;
    }

    private static ReportResult Result(string accountId, string? displayName, string? email, string? product, string? site, string status, string? message, ReportResultKind kind) => new()
    {
        AccountId = accountId,
        DisplayName = displayName,
        Email = email,
        Product = product is null ? null : ProductNames.FromUserName(product)?.ToString() ?? product,
        Site = site,
        Status = status,
        Message = message,
        Kind = kind,
    };

    private static ReportResultKind SuspensionKind(string action) => action.ToUpperInvariant() switch
    {
        "SUSPEND" => ReportResultKind.Suspension,
        "RESUME" => ReportResultKind.Resumption,
        _ => ReportResultKind.Other,
    };

    /// <summary>The input's values of the properties Remove binds, as text and unchanged (a CSV row's are its cells).</summary>
    private static Dictionary<string, string?> PlanValues(PSObject input)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in s_planProperties.Value)
        {
            if (input.Properties[name] is { } property)
            {
                values[property.Name] = AsText(property.Value);
            }
        }

        return values;
    }

    /// <summary>
    /// A value as text that PowerShell's binding reads back as the same value: dates in the round-trip format (Export-Csv
    /// writes them in the culture's format without the time zone), numbers in the invariant culture.
    /// </summary>
    private static string? AsText(object? value) => Unwrap(value) switch
    {
        null => null,
        string text => text,
        DateTime date => date.ToString("o", CultureInfo.InvariantCulture),
        DateTimeOffset date => date.ToString("o", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    private static bool Has(PSObject input, string name) => input.Properties[name] is not null;

    /// <summary>A property's value without PowerShell's wrapper, so that its .NET type can be told.</summary>
    private static object? Raw(PSObject input, string name) => Unwrap(input.Properties[name]?.Value);

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static string? Text(PSObject input, string name) =>
        input.Properties[name]?.Value is { } value && value.ToString() is { Length: > 0 } text ? text : null;

    /// <summary>A flag, also from a CSV cell: PowerShell takes any non-empty string, "False" too, as true.</summary>
    private static bool Flag(PSObject input, string name) => Raw(input, name) switch
    {
        bool flag => flag,
        string text => bool.TryParse(text.Trim(), out bool parsed) && parsed,
        _ => Value<bool>(input, name),
    };

    /// <summary>A list of names: an array, or the "a; b" text Export-Csv writes for one.</summary>
    private static IReadOnlyList<string> List(PSObject input, string name) => Raw(input, name) switch
    {
        null => [],
        string text => text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        System.Collections.IEnumerable items => items.Cast<object?>().Select(i => i?.ToString()).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!).ToArray(),
        var other => [other.ToString()!],
    };

    private static T? Value<T>(PSObject input, string name)
    {
        if (input.Properties[name]?.Value is not { } value)
        {
            return default;
        }

        try
        {
            return LanguagePrimitives.ConvertTo<T>(value);
        }
        catch (PSInvalidCastException)
        {
            return default;
        }
    }
}
