namespace JiraDeactivate.Core.Removal;

/// <summary>
/// The fuse on run size, counted over a whole connection: users changed by earlier runs count against the limit of
/// the next, so a loop of one-user runs trips it as one large run would. A new connection starts from zero.
/// </summary>
public sealed class ChangeFuse
{
    private int _changed;

    /// <summary>Users changed so far through this connection.</summary>
    public int Changed => Volatile.Read(ref _changed);

    /// <summary>Null when <paramref name="changing"/> more users stay within <paramref name="maxUsers"/>; else why not.</summary>
    public string? Check(int changing, int maxUsers, string verb)
    {
        int earlier = Changed;
        int total = earlier + changing;
        if (total <= maxUsers)
        {
            return null;
        }

        return earlier == 0
            ? $"This run would {verb} {changing} users, more than -MaxUsers {maxUsers}. Nothing was changed. Check the inactivity threshold and the input; to go ahead, run again with -MaxUsers {total}."
            : $"This run would {verb} {changing} users, and this connection's earlier runs already changed {earlier}: {total} in all, more than -MaxUsers {maxUsers}. Nothing was changed. The fuse counts every run of a connection; to go ahead, run again with -MaxUsers {total}, or connect again (Connect-JiraAdmin) to start counting from zero.";
    }

    /// <summary>Counts users a run changed.</summary>
    public void Record(int users) => Interlocked.Add(ref _changed, users);
}
