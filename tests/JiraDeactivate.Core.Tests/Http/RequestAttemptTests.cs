using System.Net;
using System.Text;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Http;
using Polly;
using Polly.Retry;

namespace JiraDeactivate.Core.Tests.Http;

/// <summary>
/// Whether an "already done" answer came to a retry is the HTTP layer's own state (issue 22): it holds without the
/// tracing handler in the chain, and with tracing off in the module's own chain.
/// </summary>
public sealed class RequestAttemptTests
{
    private const string NotAMember = """{"errorMessages":["User 'u1' is not a member of group 'jira-software-users'."],"errors":{}}""";

    [Theory]
    [InlineData(false, MembershipChange.AlreadyDone)]
    [InlineData(true, MembershipChange.Changed)]
    public async Task A_retried_DELETE_whose_first_answer_was_lost_is_this_calls_removal_without_any_tracer(bool firstAnswerLost, MembershipChange expected)
    {
        var network = new ScriptedNetwork(firstAnswerLost);
        // Only the resilience handler in front of the network: no trace handler numbers the attempts.
        var resilience = new ResilienceHandler(new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>().Handle<HttpRequestException>(),
            })
            .Build())
        { InnerHandler = network };
        using var client = new HttpClient(resilience) { BaseAddress = new Uri("https://acme.atlassian.net/") };

        var change = await new JiraRestClient(client).RemoveUserFromGroupAsync(new JiraGroup("g1", "jira-software-users"), "u1", CancellationToken.None);

        Assert.Equal(expected, change);
        Assert.Equal(firstAnswerLost ? [1, 2] : [1], network.Attempts);
    }

    [Fact]
    public async Task With_tracing_off_a_retried_DELETE_whose_first_answer_was_lost_reports_the_removal_as_this_calls()
    {
        var network = new ScriptedNetwork(loseFirstAnswer: true);
        var before = AtlassianHttpClientFactory.CurrentTrace;
        AtlassianHttpClientFactory.CurrentTrace = null;
        try
        {
            // The module's own chain (pacing, retries, trace, observer), tracing off, in front of the scripted network.
            using var http = AtlassianHttpClientFactory.Create(new Uri("https://acme.atlassian.net/"), null,
                new HttpClientOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5), Network = network },
                new HttpCallStats());

            var change = await new JiraRestClient(http.Client).RemoveUserFromGroupAsync(new JiraGroup("g1", "jira-software-users"), "u1", CancellationToken.None);

            Assert.Equal(MembershipChange.Changed, change);
            Assert.Equal([1, 2], network.Attempts);
        }
        finally
        {
            AtlassianHttpClientFactory.CurrentTrace = before;
        }
    }

    /// <summary>Answers "not a member" to every attempt, after losing the first one's answer when told to.</summary>
    private sealed class ScriptedNetwork(bool loseFirstAnswer) : HttpMessageHandler
    {
        public List<int> Attempts { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts.Add(RequestAttempt.Of(request));
            if (loseFirstAnswer && Attempts.Count == 1)
            {
                throw new HttpRequestException("The connection was reset before the answer came.");
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                RequestMessage = request,
                Content = new StringContent(NotAMember, Encoding.UTF8, "application/json"),
            });
        }
    }
}
