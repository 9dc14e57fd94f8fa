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
public sealed record RemovalPlan(RemovalRequest Request, JiraAccount? Account, IReadOnlyList<JiraGroup> Groups, RemovalStatus? Outcome, string? Reason, string? Kind = null, LastLookResult? LastLook = null)
{
    /// <summary>True when the plan changes something.</summary>
    public bool ChangesAccess => Outcome is null && Groups.Count > 0;

    public string DisplayName => Account?.DisplayName ?? Request.DisplayName ?? Request.AccountId;

    /// <summary>"Ann Lee (712020:...)".</summary>
    public string Target => $"{DisplayName} ({Request.AccountId})";

    /// <summary>"Remove JiraSoftware access: leave jira-software-users, jira-developers".</summary>
    public string Action => $"Remove {Request.Product} access: leave {string.Join(", ", Groups.Select(g => g.Name))}";
}
