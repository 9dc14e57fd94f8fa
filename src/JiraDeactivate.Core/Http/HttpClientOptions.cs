namespace JiraDeactivate.Core.Http;

/// <summary>How patient a connection is with Atlassian's servers.</summary>
public sealed record HttpClientOptions
{
    /// <summary>Longest wait for one answer before the attempt counts as failed and is retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest time one call may take with all its attempts and back-off delays (rate-limit pauses before a call
    /// are not counted); never less than two attempt timeouts.
    /// </summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(3);

    internal TimeSpan TotalBudget => TimeSpan.FromTicks(Math.Max(TotalTimeout.Ticks, (AttemptTimeout * 2 + RetryDelay * 2).Ticks));

    /// <summary>Retries of one call after 429, 5xx, a dropped connection or a timeout.</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>First back-off delay when the server does not say how long to wait; doubles each time, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off delay.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock (tests replace it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Takes the place of the network under the handler chain (pacing, retries, trace, authorization), so tests can
    /// answer the calls without a socket. Null: the real network.
    /// </summary>
    internal HttpMessageHandler? Network { get; init; }
}
