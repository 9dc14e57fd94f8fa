using System.Net;
using Polly.Timeout;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>What kind of failure an Atlassian call met, from its HTTP status (or the lack of one).</summary>
public enum ApiFailure
{
    /// <summary>A 2xx whose body was not what was expected, or a status no other kind covers.</summary>
    BadAnswer,

    /// <summary>400, 415, 422: the request was refused as malformed.</summary>
    BadRequest,

    /// <summary>401: the credential was not accepted.</summary>
    Authentication,

    /// <summary>403: the credential may not do this.</summary>
    Permission,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>409: the state already is what the call asks for, or conflicts with it.</summary>
    Conflict,

    /// <summary>429 and 5xx: the service is busy or failing; later may work.</summary>
    Unavailable,

    /// <summary>408, or no answer in time (also after retries).</summary>
    Timeout,

    /// <summary>No answer at all: the address is wrong or the network is down.</summary>
    Connection,

    /// <summary>A redirect, which is never followed so that credentials are not sent elsewhere.</summary>
    Redirect,
}

/// <summary>Classifies an <see cref="AtlassianApiException"/>.</summary>
public static class ApiFailures
{
    public static ApiFailure Of(AtlassianApiException error) => error.StatusCode is { } status
        ? Of(status)
        : error.InnerException is TimeoutRejectedException or TaskCanceledException or TimeoutException ? ApiFailure.Timeout : ApiFailure.Connection;

    public static ApiFailure Of(HttpStatusCode status) => (int)status switch
    {
        400 or 415 or 422 => ApiFailure.BadRequest,
        401 => ApiFailure.Authentication,
        403 => ApiFailure.Permission,
        404 => ApiFailure.NotFound,
        408 => ApiFailure.Timeout,
        409 => ApiFailure.Conflict,
        429 or >= 500 => ApiFailure.Unavailable,
        >= 300 and < 400 => ApiFailure.Redirect,
        _ => ApiFailure.BadAnswer,
    };
}
