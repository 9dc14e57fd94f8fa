namespace JiraDeactivate.Core.Inactivity;

/// <summary>The outcome of <see cref="InactivityRule.Evaluate"/>.</summary>
/// <param name="IsInactive">True when the user has been inactive for more than the rule's period.</param>
/// <param name="DaysInactive">Days since the last activity (or, for a user who never used the product, since joining); null when unknown.</param>
/// <param name="NeverActive">True when the user never used the product.</param>
public readonly record struct InactivityVerdict(bool IsInactive, int? DaysInactive, bool NeverActive);
