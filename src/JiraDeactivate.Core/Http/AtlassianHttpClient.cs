namespace JiraDeactivate.Core.Http;

/// <summary>An HttpClient with its handler chain and its call counts; disposing it releases the connections.</summary>
public sealed class AtlassianHttpClient(HttpClient client, HttpCallStats stats) : IDisposable
{
    public HttpClient Client { get; } = client;

    public HttpCallStats Stats { get; } = stats;

    public void Dispose() => Client.Dispose();
}
