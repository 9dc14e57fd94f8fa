using JiraDeactivate.Core.Removal;

namespace JiraDeactivate.Core.Tests.Integrity;

/// <summary>The fuse counts every run of a connection (issue 13: a loop of one-user runs must trip it).</summary>
public sealed class ChangeFuseTests
{
    [Fact]
    public void A_run_within_the_limit_passes_and_one_above_it_trips()
    {
        var fuse = new ChangeFuse();

        Assert.Null(fuse.Check(50, 50, "remove"));
        Assert.Contains("-MaxUsers 51", fuse.Check(51, 50, "remove"), StringComparison.Ordinal);
    }

    [Fact]
    public void Users_changed_by_earlier_runs_count_against_the_next_run()
    {
        var fuse = new ChangeFuse();
        for (int i = 0; i < 3; i++)
        {
            Assert.Null(fuse.Check(1, 3, "remove"));
            fuse.Record(1);
        }

        string? message = fuse.Check(1, 3, "remove");

        Assert.NotNull(message);
        Assert.Contains("earlier runs already changed 3", message, StringComparison.Ordinal);
        Assert.Contains("-MaxUsers 4", message, StringComparison.Ordinal);
        Assert.Equal(3, fuse.Changed);
    }

    [Fact]
    public void Counting_is_safe_from_many_threads()
    {
        var fuse = new ChangeFuse();

        Parallel.For(0, 1000, _ => fuse.Record(1));

        Assert.Equal(1000, fuse.Changed);
    }
}
