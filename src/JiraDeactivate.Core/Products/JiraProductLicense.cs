namespace JiraDeactivate.Core.Products;

/// <summary>A product's seats on a site: how many are paid for, used and left, and the groups that take them.</summary>
public sealed record JiraProductLicense
{
    /// <summary>The product by name (so ConvertTo-Json writes the name), or null for an application role the module does not know.</summary>
    public string? Product => ProductValue?.ToString();

    internal JiraProduct? ProductValue { get; init; }

    /// <summary>The application role key, e.g. "jira-software".</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }

    public string? Site { get; init; }

    /// <summary>Seats paid for; null when unlimited.</summary>
    public int? Seats { get; init; }

    /// <summary>Users counting against the licence.</summary>
    public int UsersCounted { get; init; }

    /// <summary>Seats left; null when unlimited.</summary>
    public int? Remaining { get; init; }

    public bool Unlimited { get; init; }

    /// <summary>The groups that grant access to the product.</summary>
    public TextList Groups { get; init; } = TextList.Empty;

    /// <summary>The groups new users join (removing a user from only these does not hold if they rejoin).</summary>
    public TextList DefaultGroups { get; init; } = TextList.Empty;

    public override string ToString() => Unlimited ? $"{Name}: {UsersCounted} users, unlimited seats" : $"{Name}: {UsersCounted} of {Seats} seats used";
}
