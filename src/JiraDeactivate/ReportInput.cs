using System.Management.Automation;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Reports;

namespace JiraDeactivate;

/// <summary>
/// Sorts what reaches Export-JiraInactivityReport into users, seat counts and results: the module's own objects by
/// type, anything else by its properties (objects read back with Import-Clixml, a job's output, or results of
/// actions this version does not know, which have AccountId and Status).
/// </summary>
internal static class ReportInput
{
    /// <summary>Adds the object to the report; false when it is none of the three kinds.</summary>
    public static bool TryAdd(InactivityReport report, PSObject input)
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
                });
                return true;
            case JiraProductLicense license:
                // Products the module does not manage (Confluence, ...) hold no Jira seats of interest here.
                if (license.Product is { } product)
                {
                    report.Licenses.Add(new ReportLicense { Product = product.ToString(), Site = license.Site, Seats = license.Unlimited ? null : license.Seats, UsersCounted = license.UsersCounted });
                }

                return true;
            case ProductAccessRemoval removal:
                report.Results.Add(new ReportResult
                {
                    AccountId = removal.AccountId,
                    DisplayName = removal.DisplayName,
                    Email = removal.Email,
                    Product = removal.Product,
                    Site = removal.Site,
                    Status = removal.Status,
                    Message = removal.Message,
                });
                return true;
            default:
                return TryAddByProperties(report, input);
        }
    }

    private static bool TryAddByProperties(InactivityReport report, PSObject input)
    {
        if (Has(input, "UsersCounted") && Text(input, "Product") is { } licensed)
        {
            if (Enum.TryParse<JiraProduct>(licensed, ignoreCase: true, out _))
            {
                report.Licenses.Add(new ReportLicense { Product = licensed, Site = Text(input, "Site"), Seats = Value<bool>(input, "Unlimited") ? null : Value<int?>(input, "Seats"), UsersCounted = Value<int>(input, "UsersCounted") });
            }

            return true;
        }

        if (Text(input, "AccountId") is not { } accountId)
        {
            return false;
        }

        if (Has(input, "DaysInactive") || Has(input, "LastActive") || Has(input, "NeverActive"))
        {
            report.Users.Add(new ReportUser
            {
                AccountId = accountId,
                DisplayName = Text(input, "DisplayName"),
                Email = Text(input, "Email"),
                Product = Text(input, "Product") ?? string.Empty,
                Site = Text(input, "Site"),
                LastActive = Value<DateTime?>(input, "LastActive"),
                DaysInactive = Value<int?>(input, "DaysInactive"),
                NeverActive = Value<bool>(input, "NeverActive"),
                Source = Text(input, "Source"),
            });
            return true;
        }

        if (Text(input, "Status") is { } status)
        {
            report.Results.Add(new ReportResult
            {
                AccountId = accountId,
                DisplayName = Text(input, "DisplayName"),
                Email = Text(input, "Email"),
                Product = Text(input, "Product"),
                Site = Text(input, "Site"),
                Status = status,
                Message = Text(input, "Message"),
            });
            return true;
        }

        return false;
    }

    private static bool Has(PSObject input, string name) => input.Properties[name] is not null;

    private static string? Text(PSObject input, string name) =>
        input.Properties[name]?.Value is { } value && value.ToString() is { Length: > 0 } text ? text : null;

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
