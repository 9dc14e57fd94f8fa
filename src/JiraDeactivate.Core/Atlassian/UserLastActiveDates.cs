namespace JiraDeactivate.Core.Atlassian;

/// <summary>What the Admin API says about a user's activity: one entry per product and site used.</summary>
public sealed record UserLastActiveDates(string AccountId, DateTime? AddedToOrg, IReadOnlyList<ProductLastActive> Products);

/// <summary>The last active UTC date in a product (Admin API key, e.g. "jira-software") on a site (cloud ID).</summary>
public sealed record ProductLastActive(string Key, string? CloudId, DateTime? LastActive);
