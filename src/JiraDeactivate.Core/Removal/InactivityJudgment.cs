namespace JiraDeactivate.Core.Removal;

/// <summary>
/// The judgment a change acts on: the user was found inactive for more than <paramref name="MoreThan"/> days, with
/// data as of <paramref name="AsOf"/> (UTC). A change is made only for input that carries one.
/// </summary>
public sealed record InactivityJudgment(int MoreThan, DateTime AsOf);
