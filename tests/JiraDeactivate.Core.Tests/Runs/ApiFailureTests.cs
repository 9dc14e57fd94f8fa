using System.Net;
using JiraDeactivate.Core.Atlassian;
using Polly.Timeout;

namespace JiraDeactivate.Core.Tests.Runs;

/// <summary>Errors keep what happened: the kind of failure follows the HTTP status (issue 16).</summary>
public sealed class ApiFailureTests
{
    [Theory]
    [InlineData(401, ApiFailure.Authentication)]
    [InlineData(403, ApiFailure.Permission)]
    [InlineData(404, ApiFailure.NotFound)]
    [InlineData(409, ApiFailure.Conflict)]
    [InlineData(429, ApiFailure.Unavailable)]
    [InlineData(503, ApiFailure.Unavailable)]
    [InlineData(408, ApiFailure.Timeout)]
    [InlineData(415, ApiFailure.BadRequest)]
    [InlineData(302, ApiFailure.Redirect)]
    [InlineData(200, ApiFailure.BadAnswer)]
    public void A_status_gives_its_kind(int status, ApiFailure expected) =>
        Assert.Equal(expected, ApiFailures.Of(new AtlassianApiException(AtlassianApi.Admin, "POST", "/x", (HttpStatusCode)status, "detail")));

    [Fact]
    public void No_answer_is_a_timeout_when_the_call_timed_out_and_a_connection_failure_otherwise()
    {
        var timedOut = new AtlassianApiException(AtlassianApi.Jira, "GET", "/x", null, "timed out", new TimeoutRejectedException());
        var refused = new AtlassianApiException(AtlassianApi.Jira, "GET", "/x", null, "refused", new HttpRequestException("connection refused"));

        Assert.Equal(ApiFailure.Timeout, ApiFailures.Of(timedOut));
        Assert.Equal(ApiFailure.Connection, ApiFailures.Of(refused));
    }
}
