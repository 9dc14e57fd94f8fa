using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// What a removal will do for one user: remove them from <see cref="Groups"/>, or nothing, with the outcome
/// already known (<see cref="Outcome"/>: Skipped, NoAccess or Failed).
/// </summary>
/// <param name="Request">The input.</param>
/// <param name="Account">The user as Jira knows them, when read.</param>
/// <param name="Groups">The groups the user will leave.</param>
/// <param name="Outcome">The outcome when nothing changes.</param>
/// <param name="Reason">Why nothing changes.</param>
/// <param name="Kind">A short label of why nothing changes ("protected group", "excluded"...), for summaries.</param>
/// <param name="LastLook">What the last look at the user's activity found, for the journal.</param>
/// <param name="Failure">When planning failed: the exception that caused it, kept for the error record.</param>
public sealed record RemovalPlan(RemovalRequest Request, JiraAccount? Account, IReadOnlyList<JiraGroup> Groups, RemovalStatus? Outcome, string? Reason, string? Kind = null, LastLookResult? LastLook = null, Exception? Failure = null)
{
    /// <summary>Granting groups an identity provider syncs: a user with any is <see cref="RemovalStatus.ManagedByIdentityProvider"/>, unchanged.</summary>
    public IReadOnlyList<JiraGroup> SyncedGroups { get; init; } = [];

    /// <summary>True when the user holds the product's role directly: Revoke user access frees it, after the groups.</summary>
    public bool DirectRole { get; init; }

    /// <summary>The product's workspace id on the site (from the workspaces API, unchanged) when the Admin API shows the paths.</summary>
    public string? Resource { get; init; }

    /// <summary>How the user held the product when planned ("group", "synced group", "direct role"...).</summary>
    public TextList Paths { get; init; } = TextList.Empty;

    /// <summary>True when the plan changes something.</summary>
    public bool ChangesAccess => Outcome is null && (Groups.Count > 0 || DirectRole);

    public string DisplayName => Account?.DisplayName ?? Request.DisplayName ?? Request.AccountId;

    /// <summary>"Ann Lee (712020:...)".</summary>
    public string Target => $"{DisplayName} ({Request.AccountId})";

    /// <summary>"Remove JiraSoftware access: leave jira-software-users, jira-developers".</summary>
    public string Action => $"Remove {Request.Product} access: {string.Join(", ", (string[])[
        .. Groups.Count > 0 ? [$"leave {string.Join(", ", Groups.Select(g => g.Name))}"] : Array.Empty<string>(),
        .. DirectRole ? ["revoke the direct role"] : Array.Empty<string>()])}";
}
