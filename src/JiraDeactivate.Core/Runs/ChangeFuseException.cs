namespace JiraDeactivate.Core.Runs;

/// <summary>A run would change more users than its fuse allows; nothing was changed.</summary>
public sealed class ChangeFuseException(string message) : Exception(message);
