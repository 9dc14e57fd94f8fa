using System.Collections.Concurrent;
using System.Management.Automation;
using JiraDeactivate.Core.Http;

namespace JiraDeactivate;

/// <summary>
/// Carries output from background tasks to the pipeline thread, the only thread that may call WriteObject,
/// WriteError, WriteProgress and the like. Also receives the HTTP trace, shown with -Verbose.
/// </summary>
internal sealed class PipelineQueue : IHttpTrace, IDisposable
{
    private readonly BlockingCollection<Action<Cmdlet>> _queue = new();

    public void WriteObject(object value) => Add(c => c.WriteObject(value));

    public void WriteError(ErrorRecord error) => Add(c => c.WriteError(error));

    public void WriteWarning(string text) => Add(c => c.WriteWarning(text));

    public void WriteVerbose(string text) => Add(c => c.WriteVerbose(text));

    public void WriteProgress(ProgressRecord progress) => Add(c => c.WriteProgress(progress));

    /// <summary>A line for the person at the console, as Write-Host writes it (the information stream, tagged PSHOST).</summary>
    public void WriteHostLine(string text) => Add(c => c.WriteInformation(new HostInformationMessage { Message = text }, ["PSHOST"]));

    /// <summary>Runs <paramref name="action"/> on the pipeline thread, in turn with the writes queued before it.</summary>
    public void Post(Action<Cmdlet> action) => Add(action);

    void IHttpTrace.Write(string line) => WriteVerbose(line);

    /// <summary>No more output will come.</summary>
    public void Complete() => _queue.CompleteAdding();

    /// <summary>Performs the queued writes on the calling (pipeline) thread until <see cref="Complete"/>.</summary>
    public void Drain(Cmdlet cmdlet)
    {
        foreach (var write in _queue.GetConsumingEnumerable())
        {
            write(cmdlet);
        }
    }

    public void Dispose() => _queue.Dispose();

    private void Add(Action<Cmdlet> write)
    {
        try
        {
            _queue.Add(write);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // The pipeline stopped reading (Ctrl+C); the output has nowhere to go.
        }
    }
}
