using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace JiraDeactivate.Core.Tests.Reports;

/// <summary>
/// A headless Chromium (Debian's chromium package, or CHROMIUM_PATH) driven through the DevTools protocol: one page,
/// commands over a WebSocket, and the page's uncaught exceptions, console errors and dialogs recorded as they come.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    // A guard against a hung browser, not a measurement: every wait ends with a clear failure instead of a hung run.
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _awaitedEvents = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Task _receiver;
    private int _nextId;

    public HeadlessChromium()
    {
        string executable = FindExecutable() ?? throw new InvalidOperationException(
            "Chromium is needed for the report's browser tests and was not found: install it (Debian: apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH.");
        _profile = Directory.CreateTempSubdirectory("jiradeactivate-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // --no-sandbox: CI runs as root, where Chromium refuses to start sandboxed; the page is our own local file.
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--mute-audio", "--remote-debugging-port=0", "--remote-allow-origins=*",
            $"--user-data-dir={_profile}", "--window-size=1280,900", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        int port = ReadPort();
        using var http = new HttpClient();
        var targets = JsonNode.Parse(Wait(http.GetStringAsync($"http://127.0.0.1:{port}/json/list"), "the list of pages"))!.AsArray();
        string socketUrl = targets.First(t => (string?)t!["type"] == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
        Wait(_socket.ConnectAsync(new Uri(socketUrl), _stop.Token), "the DevTools connection");
        _receiver = Task.Run(ReceiveAsync);
        Send("Runtime.enable");
        Send("Log.enable");
        Send("Page.enable");
        Send("Network.enable");
    }

    /// <summary>Uncaught exceptions thrown by the page's scripts since the last navigation.</summary>
    public ConcurrentQueue<string> Exceptions { get; } = new();

    /// <summary>Error entries of the console and the browser log (a CSP violation, a failed load) since the last navigation.</summary>
    public ConcurrentQueue<string> LogErrors { get; } = new();

    /// <summary>Dialogs the page opened (alert, confirm, prompt) since the last navigation.</summary>
    public ConcurrentQueue<string> Dialogs { get; } = new();

    /// <summary>Every URL the page requested since the last navigation.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Opens <paramref name="file"/> and returns once its load event fired.</summary>
    public void Open(string file, bool bypassCsp = false)
    {
        Exceptions.Clear();
        LogErrors.Clear();
        Dialogs.Clear();
        Requests.Clear();
        Send("Page.setBypassCSP", new JsonObject { ["enabled"] = bypassCsp });
        var loaded = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaitedEvents["Page.loadEventFired"] = loaded;
        Send("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri });
        Wait(loaded.Task, $"the load of {file}");
    }

    /// <summary>Lets the page download files: they land in <paramref name="folder"/> under the names the page gives them.</summary>
    public void AllowDownloads(string folder) =>
        Send("Browser.setDownloadBehavior", new JsonObject { ["behavior"] = "allow", ["downloadPath"] = folder, ["eventsEnabled"] = true });

    /// <summary>Waits until <paramref name="file"/> is downloaded whole (Chromium writes a .crdownload until then).</summary>
    public void WaitForDownload(string file)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(file) || File.Exists(file + ".crdownload"))
        {
            if (clock.Elapsed > s_guard)
            {
                throw new TimeoutException($"Chromium did not download {file} within {s_guard.TotalSeconds} s.");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Sets the emulated media type ("screen", "print") and prefers-color-scheme ("light", "dark").</summary>
    public void EmulateMedia(string media, string colorScheme) => Send("Emulation.setEmulatedMedia", new JsonObject
    {
        ["media"] = media,
        ["features"] = new JsonArray(new JsonObject { ["name"] = "prefers-color-scheme", ["value"] = colorScheme }),
    });

    /// <summary>Runs <paramref name="expression"/> in the page and returns its value (JSON); a script error fails the test.</summary>
    public JsonNode? Evaluate(string expression)
    {
        var answer = Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (answer["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException($"The page threw: {error.ToJsonString()}");
        }

        return answer["result"]?["value"]?.DeepClone();
    }

    public T Evaluate<T>(string expression) => Evaluate(expression)!.GetValue<T>();

    public JsonObject Send(string method, JsonObject? parameters = null)
    {
        int id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        byte[] bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        _send.Wait();
        try
        {
            Wait(_socket.SendAsync(bytes, WebSocketMessageType.Text, true, _stop.Token), method);
        }
        finally
        {
            _send.Release();
        }

        var reply = Wait(answer.Task, method);
        if (reply["error"] is { } failure)
        {
            throw new InvalidOperationException($"{method} failed: {failure.ToJsonString()}");
        }

        return reply["result"]?.AsObject() ?? new JsonObject();
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _socket.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file for a moment; the temp folder is cleaned by the system.
        }
    }

    private static string? FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return configured;
        }

        string[] names = OperatingSystem.IsWindows() ? ["chrome.exe", "msedge.exe"] : ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    private int ReadPort()
    {
        // Chromium writes the port it chose (port 0: any free one) into the profile folder once it listens.
        string file = Path.Combine(_profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_guard)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {_process.ExitCode} before it listened.");
            }

            try
            {
                string[] lines = File.ReadAllLines(file);
                if (lines.Length > 0 && int.TryParse(lines[0], out int port))
                {
                    return port;
                }
            }
            catch (IOException)
            {
                // Not written yet.
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException("Chromium did not open its DevTools port.");
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var json = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                Dispatch(json);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The browser or the test ended.
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new InvalidOperationException("The DevTools connection closed."));
            }
        }
    }

    private void Dispatch(JsonObject json)
    {
        if (json["id"] is { } id)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var answer))
            {
                answer.TrySetResult(json);
            }

            return;
        }

        string method = (string?)json["method"] ?? string.Empty;
        var parameters = json["params"];
        string? consoleType = parameters?["type"]?.GetValue<string>();
        string? logLevel = parameters?["entry"]?["level"]?.GetValue<string>();
        switch (method)
        {
            case "Runtime.exceptionThrown":
                Exceptions.Enqueue(parameters?["exceptionDetails"]?.ToJsonString() ?? "?");
                break;
            case "Runtime.consoleAPICalled" when consoleType == "error":
                LogErrors.Enqueue(parameters!["args"]?.ToJsonString() ?? "?");
                break;
            case "Log.entryAdded" when logLevel == "error":
                LogErrors.Enqueue((string?)parameters!["entry"]!["text"] ?? "?");
                break;
            case "Page.javascriptDialogOpening":
                Dialogs.Enqueue((string?)parameters?["message"] ?? string.Empty);
                _ = Task.Run(() => Send("Page.handleJavaScriptDialog", new JsonObject { ["accept"] = true }));
                break;
            case "Network.requestWillBeSent":
                Requests.Enqueue((string?)parameters?["request"]?["url"] ?? string.Empty);
                break;
        }

        if (_awaitedEvents.TryRemove(method, out var waiter))
        {
            waiter.TrySetResult(json);
        }
    }

    private static T Wait<T>(Task<T> task, string what)
    {
        if (!task.Wait(s_guard))
        {
            throw new TimeoutException($"Chromium did not answer ({what}) within {s_guard.TotalSeconds} s.");
        }

        return task.Result;
    }

    private static void Wait(Task task, string what)
    {
        if (!task.Wait(s_guard))
        {
            throw new TimeoutException($"Chromium did not answer ({what}) within {s_guard.TotalSeconds} s.");
        }
    }
}
