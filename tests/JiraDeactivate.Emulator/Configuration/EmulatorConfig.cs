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

    /// <summary>Status of DELETE /group/user for a user who is not a member: 400 (with Jira's message) or 200.</summary>
    public int NotMemberStatus { get; init; } = 400;

    /// <summary>Application roles report numberOfSeats/remainingSeats -1 and hasUnlimitedSeats true.</summary>
    public bool UnlimitedSeats { get; init; }

    /// <summary>expand=applicationRoles lists full ApplicationRole objects instead of {key, name}.</summary>
    public bool FullApplicationRoles { get; init; }

    /// <summary>last-active-dates lists products the user can use but never used, without last_active.</summary>
    public bool ListUndatedProducts { get; init; }

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

    /// <summary>Page size of the Admin API's cursor-paged lists.</summary>
    public int AdminPageSize { get; init; } = 100;

    /// <summary>
    /// A broken answer given to every API request instead of the real one (before the route runs, so state never
    /// changes): "" none, "invalidJson", "htmlPage", "truncatedBody" (the JSON cut in half) or "redirect".
    /// </summary>
    public string AnswerFault { get; init; } = "";

    /// <summary>The status of <see cref="AnswerFault"/>'s answer; 0 = its usual one (200, or 302 for a redirect).</summary>
    public int AnswerFaultStatus { get; init; }

    /// <summary>Where "redirect" points: a base URL; empty = the same path on http://localhost (another host name).</summary>
    public string RedirectTo { get; init; } = "";

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

        if (AdminPageSize is < 1 or > 1000)
        {
            errors.Add("adminPageSize must be between 1 and 1000.");
        }

        if (AnswerFault is not ("" or "invalidJson" or "htmlPage" or "truncatedBody" or "redirect"))
        {
            errors.Add("answerFault must be empty, invalidJson, htmlPage, truncatedBody or redirect.");
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
