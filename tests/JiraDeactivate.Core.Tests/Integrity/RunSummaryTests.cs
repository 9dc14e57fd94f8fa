using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Suspension;

namespace JiraDeactivate.Core.Tests.Integrity;

/// <summary>The one-line account of a run or a preview (issue 12).</summary>
public sealed class RunSummaryTests
{
    [Fact]
    public void Counts_changes_and_groups_the_skips_by_reason()
    {
        var summary = RemovalCounts.Summary();
        summary.Add(default(RemovalStatus?), null);
        summary.Add(default(RemovalStatus?), null);
        summary.Add(RemovalStatus.Skipped, "protected group");
        summary.Add(RemovalStatus.Skipped, "protected group");
        summary.Add(RemovalStatus.Skipped, "excluded");
        summary.Add(RemovalStatus.NoAccess, "no access");
        summary.Add(RemovalStatus.Failed, "failed");
        summary.AddNotJudged();

        Assert.Equal("would remove the access of 2 users; skipped 3 (excluded: 1, protected group: 2); no access 1; failed 1; refused (not judged) 1.", summary.Describe(preview: true));
        Assert.StartsWith("removed the access of 2 users;", summary.Describe(preview: false), StringComparison.Ordinal);
    }

    [Fact]
    public void A_removal_shows_still_has_access_only_when_some_user_still_has_it()
    {
        var summary = RemovalCounts.Summary();
        summary.Add(RemovalStatus.Removed, null);

        Assert.Equal("removed the access of 1 user; skipped 0; no access 0; seats freed 1; failed 0.", summary.Describe(preview: false));
        summary.Add(RemovalStatus.StillHasAccess, null);
        Assert.Equal("removed the access of 1 user; skipped 0; no access 0; still has access 1; seats freed 1; failed 0.", summary.Describe(preview: false));
    }

    [Fact]
    public void A_removal_counts_the_users_an_identity_provider_manages_apart_and_frees_seats_only_for_Removed()
    {
        var summary = RemovalCounts.Summary();
        summary.Add(RemovalStatus.ManagedByIdentityProvider, "managed by the identity provider");
        summary.Add((RemovalStatus?)null, null);

        Assert.Equal("would remove the access of 1 user; skipped 0; no access 0; managed by the identity provider 1; failed 0.", summary.Describe(preview: true));
        summary.Add(RemovalStatus.Removed, null);
        Assert.Contains("managed by the identity provider 1; seats freed 1;", summary.Describe(preview: false), StringComparison.Ordinal);
    }

    [Fact]
    public void A_suspension_counts_the_unchanged_by_kind_and_a_status_not_verified_as_failed()
    {
        var summary = LifecycleCounts.Summary(suspend: true);
        summary.Add(default(SuspensionStatus?), null);
        summary.Add(SuspensionStatus.AlreadySuspended, "already suspended");
        summary.Add(SuspensionStatus.Skipped, "recently active");
        summary.Add(SuspensionStatus.Skipped, "recently active");
        summary.Add(SuspensionStatus.NotVerified, null);
        summary.AddNotJudged();

        Assert.Equal("would suspend 1 user; not changed 3 (already suspended: 1, recently active: 2); failed 1; refused (not judged) 1.", summary.Describe(preview: true));
        Assert.Equal("resumed 0 users; not changed 0; failed 0.", LifecycleCounts.Summary(suspend: false).Describe(preview: false));
    }
}
