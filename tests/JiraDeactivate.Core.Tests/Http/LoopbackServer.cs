using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JiraDeactivate.Core.Tests.Http;

/// <summary>
/// A real HTTP/1.1 server on a loopback port that answers each request with raw bytes chosen by the test, or never
/// answers (null). It records every request's head (request line and headers) as received on the wire.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, int, string?> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _count;

    /// <param name="answer">Gets the request head and its number (1, 2, ...); returns the whole raw answer, or null to hang.</param>
    public LoopbackServer(Func<string, int, string?> answer)
    {
        _answer = answer;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public ConcurrentQueue<string> Requests { get; } = new();

    public static string Answer(int status, string reason, string body, string contentType = "application/json", params string[] headers) =>
        $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n"
        + string.Concat(headers.Select(h => h + "\r\n")) + "\r\n" + body;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[8192];
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    int read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                string text = head.ToString();
                Requests.Enqueue(text);
                string? answer = _answer(text, Interlocked.Increment(ref _count));
                if (answer is null)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }

                await stream.WriteAsync(Encoding.UTF8.GetBytes(answer), _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The client gave up or the server stops.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}

/// <summary>A loopback server that sends the head and half the body of each answer, then goes silent.</summary>
internal sealed class StallingServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StallingServer()
    {
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = Task.Run(async () =>
                    {
                        using (client)
                        {
                            try
                            {
                                var stream = client.GetStream();
                                var buffer = new byte[8192];
                                var head = new StringBuilder();
                                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                                {
                                    int read = await stream.ReadAsync(buffer, _stop.Token);
                                    if (read == 0)
                                    {
                                        return;
                                    }

                                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                                }

                                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"accountId\":\"abc\","), _stop.Token);
                                await Task.Delay(Timeout.Infinite, _stop.Token);
                            }
                            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
                            {
                            }
                        }
                    });
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }
            }
        });
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
