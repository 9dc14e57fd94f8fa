namespace JiraDeactivate.Core.Judgments;

/// <summary>What opening a token found: its payload, or why it is refused.</summary>
public sealed record JudgmentCheck(JudgmentPayload? Payload, string? Refusal)
{
    public static JudgmentCheck Refused(string reason) => new(null, reason);
}
