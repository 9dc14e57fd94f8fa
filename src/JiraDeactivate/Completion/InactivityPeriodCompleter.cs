using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace JiraDeactivate.Completion;

/// <summary>Offers the "More than" choices of the Deactivate Users app: a month, a quarter, half a year, a year (in days).</summary>
public sealed class InactivityPeriodCompleter : IArgumentCompleter
{
    private static readonly (int Days, string Meaning)[] s_periods = [(30, "a month"), (90, "three months"), (180, "six months"), (365, "a year")];

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        s_periods
            .Where(p => p.Days.ToString(System.Globalization.CultureInfo.InvariantCulture).StartsWith(wordToComplete ?? string.Empty, StringComparison.Ordinal))
            .Select(p => new CompletionResult(p.Days.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{p.Days} ({p.Meaning})", CompletionResultType.ParameterValue, $"More than {p.Meaning}: {p.Days} days"));
}
