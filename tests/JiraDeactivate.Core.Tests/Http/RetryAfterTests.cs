using System.Net;
using System.Net.Http.Headers;
using JiraDeactivate.Core.Http;
using Microsoft.Extensions.Time.Testing;

namespace JiraDeactivate.Core.Tests.Http;

/// <summary>The wait a Retry-After header asks for, in both of its forms (RFC 9110 §10.2.3).</summary>
public sealed class RetryAfterTests
{
    private static readonly FakeTimeProvider s_time = new(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));

    private static HttpResponseMessage Answer(RetryConditionHeaderValue? retryAfter) =>
        new(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = retryAfter } };

    [Fact]
    public void Seconds_are_taken_as_they_are()
    {
        using var answer = Answer(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Of(answer, s_time));
    }

    [Fact]
    public void A_date_is_the_time_left_until_it_on_the_connection_clock()
    {
        using var answer = Answer(new RetryConditionHeaderValue(s_time.GetUtcNow().AddSeconds(12)));
        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfter.Of(answer, s_time));
    }

    [Fact]
    public void A_date_already_past_means_no_wait()
    {
        using var answer = Answer(new RetryConditionHeaderValue(s_time.GetUtcNow().AddSeconds(-30)));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Of(answer, s_time));
    }

    [Fact]
    public void No_header_leaves_the_back_off_to_the_retry_strategy()
    {
        using var answer = Answer(null);
        Assert.Null(RetryAfter.Of(answer, s_time));
    }
}
