namespace JiraDeactivate.Core.Runs;

/// <summary>What every <see cref="IBatchedChange{TRequest, TPlan, TResult}"/> shares.</summary>
public static class Batches
{
    /// <summary>The most users of a batch: its results come once its verification read them back, in bulk.</summary>
    public const int MaxUsers = 500;

    /// <summary>Why a user changed before a stop has no verification.</summary>
    public const string NotVerifiedStopped = "not verified: the run stopped before the read back";
}
