using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Judgments;

/// <summary>The judgment a change acts on, as fields of its journal's Planned line (sealed with the line).</summary>
public static class JudgmentLine
{
    public const string JudgedHere = "here";
    public const string JudgedSealed = "sealed";

    /// <summary>The line with the judgment's period, data date and where it was made; unchanged for no judgment.</summary>
    public static JournalEntry WithJudgment(this JournalEntry line, InactivityJudgment? judgment) => judgment is null
        ? line
        : line with { MoreThan = judgment.MoreThan, AsOf = judgment.AsOf, JudgedBy = judgment.Fresh ? JudgedHere : JudgedSealed };

    /// <summary>The line with what the last look at planning found and when.</summary>
    public static JournalEntry WithLastLook(this JournalEntry line, DateTime at, string result) => line with { LastLookAt = at, LastLookResult = result };
}
