using System.Management.Automation;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate;

/// <summary>
/// Lets -Product take the names people use ("Jira", "Jira Software", "jira-software", "JSM", "Jira Service Desk",
/// ...) besides the enum's; an unknown name gets an error that lists the accepted ones.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ProductNameTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            JiraProduct or JiraProduct[] => value,
            string name => Parse(name),
            IEnumerable<object?> names => names.Select(n => n is JiraProduct p ? p : Parse(n is PSObject o ? o.BaseObject?.ToString() : n?.ToString())).ToArray(),
            _ => value,
        };
    }

    private static JiraProduct Parse(string? name) =>
        (name is null ? null : ProductNames.FromUserName(name))
        ?? throw new ArgumentTransformationMetadataException(
            $"'{name}' is not a product this module knows. Use one of: {string.Join(", ", ProductNames.UserNames.Select(n => n.Contains(' ') ? $"'{n}'" : n))}.");
}
