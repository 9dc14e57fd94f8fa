using JiraDeactivate.Core.Judgments;

namespace JiraDeactivate.Core.Suspension;

/// <summary>One user whose access to the organization is to be suspended or resumed, as given on the pipeline or read from a journal.</summary>
/// <param name="AccountId">The user's Atlassian account ID.</param>
/// <param name="DisplayName">The user's name, for messages.</param>
/// <param name="Site">The site the input is about; null when unknown.</param>
/// <param name="OrgRole">The user's organization role when the input carries it.</param>
/// <param name="Email">The user's email when the input carries it.</param>
/// <param name="Judgment">The inactivity judgment the input carries or the run makes; null for unjudged input.</param>
/// <param name="RunId">For a resumption from a journal: the run that suspended the user.</param>
public sealed record UserLifecycleRequest(string AccountId, string? DisplayName = null, string? Site = null, string? OrgRole = null, string? Email = null, InactivityJudgment? Judgment = null, string? RunId = null);
