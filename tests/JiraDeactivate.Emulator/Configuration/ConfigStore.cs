namespace JiraDeactivate.Emulator.Configuration;

/// <summary>Holds the current <see cref="EmulatorConfig"/>; readers always see one whole config, never a mix.</summary>
public sealed class ConfigStore(EmulatorConfig initial)
{
    private readonly Lock _gate = new();
    private EmulatorConfig _current = initial;

    /// <summary>Raised after a change, with the previous and the new config.</summary>
    public event Action<EmulatorConfig, EmulatorConfig>? Changed;

    public EmulatorConfig Current => Volatile.Read(ref _current);

    public void Set(EmulatorConfig config) => Update(_ => config);

    /// <summary>Replaces the config with <paramref name="change"/>(current); concurrent updates never lose each other.</summary>
    /// <exception cref="ArgumentException">The new config is out of range.</exception>
    public EmulatorConfig Update(Func<EmulatorConfig, EmulatorConfig> change)
    {
        EmulatorConfig previous;
        EmulatorConfig next;
        lock (_gate)
        {
            previous = _current;
            next = change(previous);
            var errors = next.Validate();
            if (errors.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", errors), nameof(change));
            }

            Volatile.Write(ref _current, next);
        }

        Changed?.Invoke(previous, next);
        return next;
    }
}
