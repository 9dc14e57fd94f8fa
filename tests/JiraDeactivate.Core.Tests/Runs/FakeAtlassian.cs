using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace JiraDeactivate.Core.Tests.Runs;

/// <summary>
/// A fake Atlassian behind an <see cref="HttpMessageHandler"/>: answers each call from a function of (method, path
/// and query, body) and records every call, so tests see exactly what the engine sent.
/// </summary>
internal sealed class FakeAtlassian(Func<string, string, string, (int Status, string Body)> answer) : HttpMessageHandler
{
    public ConcurrentQueue<(string Method, string Path, string Body, string? ContentType)> Calls { get; } = new();

    /// <summary>The answer this fake gives, for a fake that wraps it.</summary>
    public (int Status, string Body) Answer(string method, string path, string body) => answer(method, path, body);

    public HttpClient Client() => new(this, disposeHandler: false) { BaseAddress = new Uri("https://fake.example/") };

    public IEnumerable<string> CallsTo(string method, string pathPart) =>
        Calls.Where(c => c.Method == method && c.Path.Contains(pathPart, StringComparison.Ordinal)).Select(c => c.Path);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        string path = request.RequestUri!.PathAndQuery;
        Calls.Enqueue((request.Method.Method, path, body, request.Content?.Headers.ContentType?.MediaType));
        var (status, text) = answer(request.Method.Method, path, body);
        return new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
    }
}
