using System.Text;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// Cleans every answer of the connection's secrets before anything above reads it (the trace, the clients, error
/// messages, journals and reports), for servers or proxies that echo request headers back. Error answers are also
/// cleaned of any Authorization value; successful ones are searched for the secrets only, which costs a byte scan.
/// </summary>
internal sealed class SecretScrubbingHandler(ApiCredential credential) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var secrets = credential.Secrets();
            if (response.ReasonPhrase is { Length: > 0 } reason)
            {
                response.ReasonPhrase = SecretScrubber.Clean(reason, secrets);
            }

            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            bool failed = !response.IsSuccessStatusCode;
            if (body.Length == 0 || (!failed && !Contains(body, secrets)))
            {
                return response;
            }

            string text = Encoding.UTF8.GetString(body);
            string cleaned = SecretScrubber.Clean(text, secrets);
            if (!ReferenceEquals(text, cleaned) && text != cleaned)
            {
                Replace(response, Encoding.UTF8.GetBytes(cleaned));
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static bool Contains(byte[] body, IReadOnlyList<string> secrets)
    {
        foreach (string form in SecretScrubber.Forms(secrets))
        {
            if (body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void Replace(HttpResponseMessage response, byte[] body)
    {
        var old = response.Content;
        var content = new ByteArrayContent(body);
        foreach (var header in old.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        content.Headers.ContentLength = body.Length;
        response.Content = content;
        old.Dispose();
    }
}
