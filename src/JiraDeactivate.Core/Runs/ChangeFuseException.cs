namespace JiraDeactivate.Core.Runs;

/// <summary>A run would change more users than its fuse allows (<see cref="Users"/>: how many it would change); nothing was changed.</summary>
public sealed class ChangeFuseException(string message, int users = 0) : Exception(message)
{
    public int Users { get; } = users;
}
