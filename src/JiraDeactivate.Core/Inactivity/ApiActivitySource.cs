namespace JiraDeactivate.Core.Inactivity;

/// <summary>Where the API path reads users' last activity.</summary>
public enum ApiActivitySource
{
    /// <summary>The v2 user search (100 users per call), falling back to one call per user when it is unavailable.</summary>
    Auto,

    /// <summary>The v2 user search only: a run stops when it is unavailable. Holders it is silent about are still confirmed one by one.</summary>
    Search,

    /// <summary>One last-active-dates call per user (the v1 route), for everyone.</summary>
    PerUser,
}
