namespace JiraDeactivate.Emulator.Configuration;

/// <summary>
/// The behaviour knobs that can change while the emulator runs. Property names (camelCase) are the
/// JSON names of POST /_emulator/config and, in kebab-case, the command-line options.
/// </summary>
public sealed record EmulatorConfig
{
    /// <summary>Delay added to every API request, in milliseconds.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Requests per second per credential (token bucket, burst = the rate); 0 turns the limit off.</summary>
    public double RateLimit { get; init; }

    /// <summary>Requests per second per Admin API credential; 0 = <see cref="RateLimit"/> applies to the Admin API too.</summary>
    public double AdminRateLimit { get; init; }

    /// <summary>
    /// The Admin API's window in seconds: its bucket holds this many seconds of its rate and its X-RateLimit-Limit
    /// announces that many requests (1: per second; 60: "200" for 200 a minute). Atlassian does not say which.
    /// </summary>
    public int AdminRateLimitWindow { get; init; } = 1;

    /// <summary>Share of API requests answered with 500, 502 or 503.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Share of API requests whose connection is aborted before any state change.</summary>
    public double DropRate { get; init; }

    /// <summary>
    /// Share of API requests whose connection is aborted after the route ran: the change is made, but its answer is
    /// lost, as when a connection breaks on the way back.
    /// </summary>
    public double DropAfterRate { get; init; }

    /// <summary>Share of API requests delayed by <see cref="SlowMs"/>.</summary>
    public double SlowRate { get; init; }

    public int SlowMs { get; init; } = 5000;

    /// <summary>Which API <see cref="SlowRate"/> applies to: "" every API, "admin" the Admin API only (a hung Admin API), "jira" the Jira REST API only.</summary>
    public string SlowArea { get; init; } = "";

    /// <summary>Lifetime of the OAuth access tokens POST /oauth/token issues, in seconds (Atlassian's: 3600).</summary>
    public int OAuthTokenLifetimeSeconds { get; init; } = 3600;

    /// <summary>
    /// Status of a gateway call whose scoped token lacks the route's scope: 401 with the gateway's "Unauthorized; scope
    /// does not match" (measured by third parties), or 403 (UNCERTAIN).
    /// </summary>
    public int ScopeMismatchStatus { get; init; } = 401;

    /// <summary>Status of DELETE /group/user for a user who is not a member: 400 (with Jira's message) or 200.</summary>
    public int NotMemberStatus { get; init; } = 400;

    /// <summary>Application roles report numberOfSeats/remainingSeats -1 and hasUnlimitedSeats true.</summary>
    public bool UnlimitedSeats { get; init; }

    /// <summary>expand=applicationRoles lists full ApplicationRole objects instead of {key, name}.</summary>
    public bool FullApplicationRoles { get; init; }

    /// <summary>last-active-dates lists products the user can use but never used, without last_active.</summary>
    public bool ListUndatedProducts { get; init; }

    /// <summary>
    /// The v1 last-active-dates key for Jira (Software): "jira-software" (answered in 2026), "jira" (v2's name), or
    /// any other lower-case key, for a name a client cannot know.
    /// </summary>
    public string LastActiveJiraKey { get; init; } = "jira-software";

    /// <summary>Admin API 429 answers carry Retry-After.</summary>
    public bool AdminRetryAfter { get; init; } = true;

    /// <summary>Status of a successful v2 suspend or restore: 204 or 200 (Atlassian's is undocumented; both empty).</summary>
    public int LifecycleSuccessStatus { get; init; } = 204;

    /// <summary>Status of a v2 suspend of a suspended user, or restore of an active one: 409, 200 or 204.</summary>
    public int LifecycleAlreadyStatus { get; init; } = 409;

    /// <summary>The v1 suspend-access and restore-access routes answer as before June 30, 2026, instead of 404.</summary>
    public bool V1LifecycleRoutes { get; init; }

    /// <summary>
    /// A group an identity provider keeps in sync: removing a user from it answers 200, but the membership stays,
    /// as when a SCIM sync puts it back at once. Empty: none.
    /// </summary>
    public string SyncedGroup { get; init; } = "";

    /// <summary>
    /// Revoke user access (POST /admin/v1/orgs/{orgId}/users/{id}/roles/revoke) also takes the user out of the
    /// product's granting groups that are not synced, as the UI's "Remove access" does; false: only a direct role goes
    /// (UNCERTAIN, contract §2.6b).
    /// </summary>
    public bool RevokeStripsGroups { get; init; } = true;

    /// <summary>
    /// What Jira REST DELETE /group/user does on a group an identity provider syncs: "refuse" (403) or "revert" (200,
    /// the membership goes, and the provider's next sync puts it back). UNCERTAIN, contract §2.6b.
    /// </summary>
    public string SyncedGroupRemoval { get; init; } = "revert";

    /// <summary>
    /// Which of the three signals the v2 group search gives a synced group (comma-separated): externalSynced (true),
    /// managedBy ("external"), modifiable (managementAccess.modifiable false). Any one marks a group synced.
    /// </summary>
    public string SyncedGroupFlags { get; init; } = "externalSynced,managedBy,modifiable";

    /// <summary>The owner in the Jira Software workspace's ARI and its typeKey: "jira" or "jira-software" (both seen).</summary>
    public string WorkspaceAriOwner { get; init; } = "jira";

    /// <summary>Status of a successful Revoke or Grant user access: 204 (the spec) or 200.</summary>
    public int RoleChangeStatus { get; init; } = 204;

    /// <summary>Page size of the Admin API's cursor-paged lists.</summary>
    public int AdminPageSize { get; init; } = 100;

    /// <summary>
    /// A broken answer given to every API request instead of the real one (before the route runs, so state never
    /// changes): "" none, "invalidJson", "htmlPage", "truncatedBody" (the JSON cut in half), "redirect", or
    /// "echoHeaders" (an error, 502 unless <see cref="AnswerFaultStatus"/> says otherwise, whose body echoes every
    /// request header, Authorization included, as some proxies do).
    /// </summary>
    public string AnswerFault { get; init; } = "";

    /// <summary>The status of <see cref="AnswerFault"/>'s answer; 0 = its usual one (200, or 302 for a redirect).</summary>
    public int AnswerFaultStatus { get; init; }

    /// <summary>Where "redirect" points: a base URL; empty = the same path on http://localhost (another host name).</summary>
    public string RedirectTo { get; init; } = "";

    /// <summary>The largest <c>limit</c> the v2 user search accepts; above it answers 400 (Atlassian's maximum is not documented).</summary>
    public int SearchMaxLimit { get; init; } = 100;

    /// <summary>The v2 search's key for Jira (Software): "jira" (the documented example) or "jira-software".</summary>
    public string SearchJiraKey { get; init; } = "jira";

    /// <summary>The v2 search's key for Jira Service Management: "jira-servicedesk" or "jira-service-desk" (undocumented).</summary>
    public string SearchServiceManagementKey { get; init; } = "jira-servicedesk";

    /// <summary>The v2 search lists a product the user can use but never used, without lastActiveTimestamp; false leaves it out.</summary>
    public bool SearchListsUndated { get; init; } = true;

    /// <summary>The v2 search's productAccess id: "cloudId" (the bare cloud ID) or "ari" (ari:cloud:&lt;key&gt;::site/&lt;cloudId&gt;).</summary>
    public string SearchProductId { get; init; } = "cloudId";

    /// <summary>
    /// The v2 search (and directory list) unavailable: "" served, "off" (404), "forbidden" (403),
    /// "methodNotAllowed" (405) or "unreadable" (200 with a body of another shape).
    /// </summary>
    public string SearchFault { get; init; } = "";

    /// <summary>Account IDs (comma-separated) the v2 search leaves out, as if in a directory the key cannot see; "" none.</summary>
    public string SearchOmits { get; init; } = "";

    /// <summary>The page (1 = the first, counted in pages of the request's limit) whose request fails <see cref="SearchFailTimes"/> times; 0 none.</summary>
    public int SearchFailPage { get; init; }

    /// <summary>How many requests for <see cref="SearchFailPage"/> fail before it is served; counted from this setting on.</summary>
    public int SearchFailTimes { get; init; } = 1;

    /// <summary>The status of those failures.</summary>
    public int SearchFailStatus { get; init; } = 500;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (LatencyMs is < 0 or > 600_000)
        {
            errors.Add("latencyMs must be between 0 and 600000.");
        }

        if (RateLimit is < 0 or > 1_000_000 || double.IsNaN(RateLimit))
        {
            errors.Add("rateLimit must be between 0 and 1000000 (0 = off).");
        }

        if (AdminRateLimit is < 0 or > 1_000_000 || double.IsNaN(AdminRateLimit))
        {
            errors.Add("adminRateLimit must be between 0 and 1000000 (0 = rateLimit applies).");
        }

        if (AdminRateLimitWindow is < 1 or > 3600)
        {
            errors.Add("adminRateLimitWindow must be between 1 and 3600 seconds.");
        }

        CheckShare(errors, nameof(ErrorRate), ErrorRate);
        CheckShare(errors, nameof(DropRate), DropRate);
        CheckShare(errors, nameof(DropAfterRate), DropAfterRate);
        CheckShare(errors, nameof(SlowRate), SlowRate);
        if (SlowMs is < 0 or > 600_000)
        {
            errors.Add("slowMs must be between 0 and 600000.");
        }

        if (NotMemberStatus is not (400 or 200))
        {
            errors.Add("notMemberStatus must be 400 or 200.");
        }

        if (LifecycleSuccessStatus is not (204 or 200))
        {
            errors.Add("lifecycleSuccessStatus must be 204 or 200.");
        }

        if (LifecycleAlreadyStatus is not (409 or 200 or 204))
        {
            errors.Add("lifecycleAlreadyStatus must be 409, 200 or 204.");
        }

        if (SyncedGroupRemoval is not ("refuse" or "revert"))
        {
            errors.Add("syncedGroupRemoval must be refuse or revert.");
        }

        if (SyncedGroupFlags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(f => f is not ("externalSynced" or "managedBy" or "modifiable")))
        {
            errors.Add("syncedGroupFlags must list externalSynced, managedBy and/or modifiable, comma-separated.");
        }

        if (WorkspaceAriOwner is not ("jira" or "jira-software"))
        {
            errors.Add("workspaceAriOwner must be jira or jira-software.");
        }

        if (RoleChangeStatus is not (204 or 200))
        {
            errors.Add("roleChangeStatus must be 204 or 200.");
        }

        if (AdminPageSize is < 1 or > 1000)
        {
            errors.Add("adminPageSize must be between 1 and 1000.");
        }

        if (SearchMaxLimit is < 1 or > 1000)
        {
            errors.Add("searchMaxLimit must be between 1 and 1000.");
        }

        if (LastActiveJiraKey.Length is 0 or > 40 || !LastActiveJiraKey.All(c => c is (>= 'a' and <= 'z') or '-'))
        {
            errors.Add("lastActiveJiraKey must be jira-software, jira or another lower-case key (letters and '-', at most 40).");
        }

        if (SearchJiraKey is not ("jira" or "jira-software"))
        {
            errors.Add("searchJiraKey must be jira or jira-software.");
        }

        if (SearchServiceManagementKey is not ("jira-servicedesk" or "jira-service-desk"))
        {
            errors.Add("searchServiceManagementKey must be jira-servicedesk or jira-service-desk.");
        }

        if (SearchProductId is not ("cloudId" or "ari"))
        {
            errors.Add("searchProductId must be cloudId or ari.");
        }

        if (SearchFault is not ("" or "off" or "forbidden" or "methodNotAllowed" or "unreadable"))
        {
            errors.Add("searchFault must be empty, off, forbidden, methodNotAllowed or unreadable.");
        }

        if (SearchFailPage is < 0 || SearchFailTimes is < 0 or > 100 || SearchFailStatus is < 400 or > 599)
        {
            errors.Add("searchFailPage must be 0 or more, searchFailTimes between 0 and 100, searchFailStatus between 400 and 599.");
        }

        if (AnswerFault is not ("" or "invalidJson" or "htmlPage" or "truncatedBody" or "redirect" or "echoHeaders"))
        {
            errors.Add("answerFault must be empty, invalidJson, htmlPage, truncatedBody, redirect or echoHeaders.");
        }

        if (SlowArea is not ("" or "admin" or "jira"))
        {
            errors.Add("slowArea must be empty, admin or jira.");
        }

        if (OAuthTokenLifetimeSeconds is < 1 or > 86_400)
        {
            errors.Add("oAuthTokenLifetimeSeconds must be between 1 and 86400.");
        }

        if (ScopeMismatchStatus is not (401 or 403))
        {
            errors.Add("scopeMismatchStatus must be 401 or 403.");
        }

        if (AnswerFaultStatus != 0 && AnswerFaultStatus is < 200 or > 599)
        {
            errors.Add("answerFaultStatus must be 0 or between 200 and 599.");
        }

        if (RedirectTo.Length > 0 && !Uri.TryCreate(RedirectTo, UriKind.Absolute, out _))
        {
            errors.Add("redirectTo must be empty or an absolute URL.");
        }

        return errors;
    }

    private static void CheckShare(List<string> errors, string name, double value)
    {
        if (value is < 0 or > 1 || double.IsNaN(value))
        {
            errors.Add($"{char.ToLowerInvariant(name[0])}{name[1..]} must be between 0 and 1.");
        }
    }
}
