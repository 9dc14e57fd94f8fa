namespace JiraDeactivate.Core.Http;

/// <summary>Shows the pacer every attempt's answer, retries included, so it learns the limit and the pauses.</summary>
internal sealed class RateLimitObserver(RateLimitPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        pacer.Observe(response);
        return response;
    }
}
