namespace JiraDeactivate.Core.Http;

/// <summary>
/// Waits for the pacer's slot before a call, outside the retries and the attempt timeout: a long Retry-After pause
/// must not make the waiting calls time out. Retries are spaced by the retry strategy (Retry-After, back-off).
/// </summary>
internal sealed class PacingHandler(RateLimitPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await pacer.WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
