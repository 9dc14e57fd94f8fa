namespace JiraDeactivate.Core.Judgments;

/// <summary>The judgment key cannot be used: nothing sealed with it can be made or checked.</summary>
public sealed class JudgmentKeyException(string message, Exception? inner = null) : Exception(message, inner);
