using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Reads a user's activity in the product again right before a change, and judges it again with the judgment's
/// period as of now: a user who worked since the data was read is not changed.
/// </summary>
public sealed class LastLook(AdminApiClient admin, string organizationId, string? cloudId, TimeProvider? time = null) : ILastLook
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>What the last look found; a failed read is a result too (the user is then not changed).</summary>
    public async Task<LastLookResult> CheckAsync(string accountId, JiraProduct product, InactivityJudgment judgment, CancellationToken cancellationToken)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        try
        {
            var dates = await admin.GetLastActiveDatesAsync(organizationId, accountId, cancellationToken).ConfigureAwait(false);
            var reading = ProductLastActivity.Read(dates, product, cloudId);
            if (reading.CannotJudge is { } reason)
            {
                return new LastLookResult(now, null, null, null, reason);
            }

            var verdict = new InactivityRule(judgment.MoreThan, now).Evaluate(reading.LastActive, dates.AddedToOrg);
            return new LastLookResult(now, verdict, reading.LastActive, null);
        }
        catch (AtlassianApiException e)
        {
            return new LastLookResult(now, null, null, e.Message);
        }
    }
}

/// <summary>The outcome of a <see cref="LastLook"/>: a verdict, or why there is none (the read failed, or the answer cannot tell).</summary>
public sealed record LastLookResult(DateTime At, InactivityVerdict? Verdict, DateTime? LastActive, string? Failure, string? CannotJudge = null)
{
    /// <summary>What it found, in a word, for the journal: "inactive", "active", "failed" or "cannot judge".</summary>
    public string Result => Failure is not null ? "failed" : CannotJudge is not null ? "cannot judge" : Verdict?.IsInactive == true ? "inactive" : "active";

    /// <summary>"last look 2026-11-29: last active 2026-05-01, 211 days" for the journal and messages.</summary>
    public string Describe() => Failure is not null
        ? $"last look {At:yyyy-MM-dd} failed: {Failure}"
        : CannotJudge is not null
        ? $"last look {At:yyyy-MM-dd} cannot judge: {CannotJudge}"
        : $"last look {At:yyyy-MM-dd}: {(LastActive is { } seen ? $"last active {seen:yyyy-MM-dd}" : "never used")}{(Verdict?.DaysInactive is { } days ? $", {days} days" : string.Empty)}";
}
