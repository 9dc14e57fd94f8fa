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

    public bool IsMatch(string? value) => value is not null && _patterns.Any(p => p.IsMatch(value));
}
