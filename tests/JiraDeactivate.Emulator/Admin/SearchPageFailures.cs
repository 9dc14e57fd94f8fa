using JiraDeactivate.Emulator.Configuration;

namespace JiraDeactivate.Emulator.Admin;

/// <summary>
/// Counts down the injected failures of one v2 search page (searchFailPage, searchFailTimes): a client that retries
/// the same cursor gets the page once they are spent. Setting any of those knobs starts the count again.
/// </summary>
internal sealed class SearchPageFailures
{
    private readonly Lock _gate = new();
    private int _left;

    public SearchPageFailures(ConfigStore config)
    {
        _left = config.Current.SearchFailTimes;
        config.Changed += (previous, current) =>
        {
            if (previous.SearchFailPage != current.SearchFailPage || previous.SearchFailTimes != current.SearchFailTimes
                || previous.SearchFailStatus != current.SearchFailStatus)
            {
                lock (_gate)
                {
                    _left = current.SearchFailTimes;
                }
            }
        };
    }

    /// <summary>True when this request for the page at <paramref name="offset"/> must fail.</summary>
    public bool ShouldFail(EmulatorConfig config, int offset, int limit)
    {
        if (config.SearchFailPage == 0 || offset != (config.SearchFailPage - 1) * limit)
        {
            return false;
        }

        lock (_gate)
        {
            if (_left == 0)
            {
                return false;
            }

            _left--;
            return true;
        }
    }
}
