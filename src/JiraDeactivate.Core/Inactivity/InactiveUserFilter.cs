using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Inactivity;

/// <summary>Which users and sites a search for inactive users looks at.</summary>
public sealed class InactiveUserFilter
{
    /// <summary>Looks at active accounts on every site and excludes nobody.</summary>
    public static InactiveUserFilter Default { get; } = new();

    /// <summary>Also report suspended accounts (they hold no seat).</summary>
    public bool IncludeSuspended { get; init; }

    /// <summary>Also report deactivated accounts (they hold no seat).</summary>
    public bool IncludeDeactivated { get; init; }

    /// <summary>True for a user who must never be reported, given the account ID and email.</summary>
    public Func<string, string?, bool> IsExcluded { get; init; } = static (_, _) => false;

    /// <summary>True for a site to look at; a null site (the export names none) is always looked at.</summary>
    public Func<string, bool> IsSiteSelected { get; init; } = static _ => true;

    internal bool AllowsStatus(AccountStatus status) => status switch
    {
        AccountStatus.Suspended => IncludeSuspended,
        AccountStatus.Deactivated => IncludeDeactivated,
        _ => true,
    };

    internal bool AllowsSite(string? site) => site is null || IsSiteSelected(site);
}
