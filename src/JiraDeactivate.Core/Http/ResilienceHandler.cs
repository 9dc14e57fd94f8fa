using Polly;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// Sends each request through a Polly pipeline (retries, attempt timeout); every attempt goes down the rest of the
/// chain, numbered in the request (<see cref="RequestAttempt"/>).
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendAttemptAsync(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken).ConfigureAwait(false);

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RequestAttempt.Next(request);
        return base.SendAsync(request, cancellationToken);
    }
}
