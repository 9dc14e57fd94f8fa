using System.Management.Automation;

namespace JiraDeactivate;

/// <summary>Case-insensitive PowerShell wildcards over several patterns: "*@contractor.example", "712020:*".</summary>
internal sealed class WildcardMatcher
{
    private readonly WildcardPattern[] _patterns;

    public WildcardMatcher(IEnumerable<string>? patterns) =>
        _patterns = (patterns ?? []).Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => WildcardPattern.Get(p.Trim(), WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant))
            .ToArray();

    public bool IsEmpty => _patterns.Length == 0;

    // A loop, not LINQ: called for every user of an export, where a closure per call was a measurable share.
    public bool IsMatch(string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var pattern in _patterns)
        {
            if (pattern.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }
}
