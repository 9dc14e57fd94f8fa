namespace JiraDeactivate.Core.Http;

/// <summary>An HttpClient with the services that built it, released together.</summary>
public sealed class AtlassianHttpClient(IDisposable services, HttpClient client, HttpCallStats stats) : IDisposable
{
    public HttpClient Client { get; } = client;

    public HttpCallStats Stats { get; } = stats;

    public void Dispose()
    {
        Client.Dispose();
        services.Dispose();
    }
}
