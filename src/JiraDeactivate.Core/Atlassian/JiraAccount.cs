namespace JiraDeactivate.Core.Atlassian;

/// <summary>A Jira user as the Jira REST API lists it.</summary>
public sealed record JiraAccount(string AccountId, string? DisplayName, string? Email, string AccountType, bool Active)
{
    /// <summary>An app (bot) account: holds no paid seat of its own and is never a removal target by default.</summary>
    public bool IsApp => string.Equals(AccountType, "app", StringComparison.OrdinalIgnoreCase);

    internal static JiraAccount From(UserDetailsDto user) =>
        new(user.AccountId, user.DisplayName, user.EmailAddress, user.AccountType ?? "atlassian", user.Active);
}
