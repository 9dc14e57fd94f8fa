using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Csv;

/// <summary>The columns an export has for one product on one site.</summary>
internal sealed class ProductColumns(string productName, JiraProduct? product, string? site)
{
    public string ProductName { get; } = productName;

    public JiraProduct? Product { get; } = product;

    public string? Site { get; } = site;

    /// <summary>The "Last seen in ..." column, or -1.</summary>
    public int LastSeen { get; set; } = -1;

    /// <summary>The access column ("User" or Yes/No), or -1.</summary>
    public int Access { get; set; } = -1;
}
