using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Suspension;

/// <summary>A read made once, by whoever asks first, that every caller then awaits with their own cancellation.</summary>
public sealed class RecordsReadOnce
{
    private readonly object _gate = new();
    private Task<IReadOnlyDictionary<string, DirectoryUser>>? _read;

    public Task<IReadOnlyDictionary<string, DirectoryUser>> Get(Func<Task<IReadOnlyDictionary<string, DirectoryUser>>> read, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _read ??= read();
        }

        return _read.WaitAsync(cancellationToken);
    }
}
