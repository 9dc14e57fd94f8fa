using JiraDeactivate.Core.Removal;

namespace JiraDeactivate.Core.Tests.Integrity;

/// <summary>The one-line account of a run or a preview (issue 12).</summary>
public sealed class RunSummaryTests
{
    [Fact]
    public void Counts_changes_and_groups_the_skips_by_reason()
    {
        var summary = new RunSummary("would remove the access of", "removed the access of");
        summary.Add(null, null);
        summary.Add(null, null);
        summary.Add(RemovalStatus.Skipped, "protected group");
        summary.Add(RemovalStatus.Skipped, "protected group");
        summary.Add(RemovalStatus.Skipped, "excluded");
        summary.Add(RemovalStatus.NoAccess, "no access");
        summary.Add(RemovalStatus.Failed, "failed");
        summary.AddNotJudged();

        Assert.Equal("would remove the access of 2 users; skipped 3 (excluded: 1, protected group: 2); no access 1; failed 1; refused (not judged) 1.", summary.Describe(preview: true));
        Assert.StartsWith("removed the access of 2 users;", summary.Describe(preview: false), StringComparison.Ordinal);
    }
}
