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

    /// <summary>Where last activity is read: the v2 user search with per-user confirmation, or per user only.</summary>
    public ApiActivitySource Source { get; init; } = ApiActivitySource.Auto;

    /// <summary>Told about each step, from the collector's threads.</summary>
    public Action<ApiCollectProgress>? Progress { get; init; }

    /// <summary>Told, once, when the search fails and the run goes on one user at a time (Auto only).</summary>
    public Action<string>? Warning { get; init; }
}

/// <summary>
/// What one collection used: whether the v2 search was read (pages, users), why it stopped if it did, how many holders
/// it judged, and how many per-user last-active calls were made (for holders without an entry in it, missing from it,
/// or everyone when it was not used).
/// </summary>
public sealed record ApiCollectSummary(
    ApiActivitySource Source,
    bool SearchUsed,
    int SearchPages,
    int SearchUsers,
    string? SearchFailure,
    int JudgedFromSearch,
    int PerUserCalls,
    int SilentInSearch,
    int MissingFromSearch)
{
    public override string ToString() => SearchUsed
        ? $"last activity from the v2 user search ({SearchPages} calls, {SearchUsers} users) for {JudgedFromSearch} holders; per-user last-active-dates calls: {PerUserCalls} ({SilentInSearch} holders without an entry for the product in the search, {MissingFromSearch} missing from it){(SearchFailure is null ? "" : "; the search stopped early")}"
        : $"last activity from per-user last-active-dates calls: {PerUserCalls}{(Source == ApiActivitySource.PerUser ? " (-ActivitySource PerUser)" : " (the v2 user search was not available)")}";
}

/// <summary>How far a collection is: users found in the product's groups, and how many have their activity fetched.</summary>
public readonly record struct ApiCollectProgress(int Found, int Fetched, int Failed, bool ListingComplete);

/// <summary>One user's activity, or the failure to get it after the retries (the user is never silently dropped).</summary>
public readonly record struct ApiActivityResult(Users.JiraUserActivity? User, string AccountId, string? DisplayName, Exception? Error);
