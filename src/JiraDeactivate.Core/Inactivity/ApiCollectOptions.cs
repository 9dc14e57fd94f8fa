namespace JiraDeactivate.Core.Inactivity;

/// <summary>How <see cref="ApiActivityCollector"/> gathers users and their activity.</summary>
public sealed record ApiCollectOptions
{
    /// <summary>Calls for last-active dates made at the same time (the rate limit still paces them).</summary>
    public int ThrottleLimit { get; init; } = 8;

    /// <summary>Also list deactivated accounts (Jira's includeInactiveUsers).</summary>
    public bool IncludeInactiveAccounts { get; init; }

    /// <summary>Also look at app (bot) accounts.</summary>
    public bool IncludeAppAccounts { get; init; }

    /// <summary>Users never to look at, given the account ID and email: skipped before any call is made for them.</summary>
    public Func<string, string?, bool> IsExcluded { get; init; } = static (_, _) => false;

    /// <summary>Told about each step, from the collector's threads.</summary>
    public Action<ApiCollectProgress>? Progress { get; init; }
}

/// <summary>How far a collection is: users found in the product's groups, and how many have their activity fetched.</summary>
public readonly record struct ApiCollectProgress(int Found, int Fetched, int Failed, bool ListingComplete);

/// <summary>One user's activity, or the failure to get it after the retries (the user is never silently dropped).</summary>
public readonly record struct ApiActivityResult(Users.JiraUserActivity? User, string AccountId, string? DisplayName, Exception? Error);
