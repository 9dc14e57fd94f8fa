using System.Collections;
using System.Management.Automation;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate;

/// <summary>
/// Lets -Product take the names people use ("Jira", "Jira Software", "jira-software", "JSM", "Jira Service Desk",
/// ...) besides the enum's; an unknown name gets an error that lists the accepted ones. A parameter that means one
/// product refuses a list of several: PowerShell would otherwise fold the list into one enum value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ProductNameTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>True when the parameter takes several products (an array).</summary>
    public bool AllowList { get; set; }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is string or JiraProduct or not IEnumerable)
        {
            return value is string name ? Parse(name) : value;
        }

        var products = ((IEnumerable)value).Cast<object?>().Select(n => n is PSObject o ? o.BaseObject : n)
            .Select(n => n is JiraProduct p ? p : Parse(n?.ToString())).ToArray();
        if (AllowList || products.Length == 0)
        {
            return products;
        }

        return products.Distinct().Count() == 1
            ? products[0]
            : throw new ArgumentTransformationMetadataException(
                $"-Product takes one product here, not a list ({string.Join(", ", products)}): run the command once per product.");
    }

    private static JiraProduct Parse(string? name) =>
        (name is null ? null : ProductNames.FromUserName(name))
        ?? throw new ArgumentTransformationMetadataException(
            $"'{name}' is not a product this module knows. Use one of: {string.Join(", ", ProductNames.UserNames.Select(n => n.Contains(' ') ? $"'{n}'" : n))}.");
}
