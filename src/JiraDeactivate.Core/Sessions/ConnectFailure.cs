namespace JiraDeactivate.Core.Sessions;

/// <summary>Why Connect-JiraAdmin failed.</summary>
public enum ConnectFailure
{
    /// <summary>A parameter is wrong before any call (URL, missing value, http to a remote host).</summary>
    InvalidArgument,

    /// <summary>The site did not answer as a Jira Cloud site (wrong address, HTML page, unreachable).</summary>
    WrongSite,

    /// <summary>The email and API token were refused.</summary>
    BadToken,

    /// <summary>The account is not a Jira administrator.</summary>
    NotAdministrator,

    /// <summary>The organization API key was refused.</summary>
    BadApiKey,

    /// <summary>The Admin API could not be reached, or did not answer as the Admin API (no HTTP status, a broken answer).</summary>
    AdminApiUnreachable,

    /// <summary>The organization does not exist for this key, there is none, or there are several to choose from.</summary>
    WrongOrganization,
}

/// <summary>Connect-JiraAdmin could not connect; nothing was left half-connected.</summary>
public sealed class ConnectException(ConnectFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public ConnectFailure Failure { get; } = failure;
}
