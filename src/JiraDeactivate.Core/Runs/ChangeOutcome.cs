namespace JiraDeactivate.Core.Runs;

/// <summary>
/// What a change did for one user (or, for a plan that changes nothing, what to report of it): the result object,
/// whether it changed the user (for the fuse), and, when it failed, the exception that caused the failure, kept as it
/// is for the error record.
/// </summary>
public sealed record ChangeOutcome<TResult>(TResult Result, bool Changed, bool Failed = false, string? Message = null, Exception? Failure = null);
