using System.Collections;
using System.Runtime.CompilerServices;

namespace JiraDeactivate.Core.Users;

/// <summary>
/// A user's product activity on an output object: a list to ConvertTo-Json and to scripts, and
/// "JiraSoftware on acme: 2026-10-21; ..." as text, so that Export-Csv writes the activity rather than a type name.
/// </summary>
[CollectionBuilder(typeof(ProductActivityList), nameof(Create))]
public sealed class ProductActivityList : IReadOnlyList<ProductActivity>
{
    private readonly ProductActivity[] _items;

    // The array is taken as it is, not copied (one per user of an export): it must not change after.
    private ProductActivityList(ProductActivity[] items) => _items = items;

    public static ProductActivityList Empty { get; } = new([]);

    public int Count => _items.Length;

    public ProductActivity this[int index] => _items[index];

    public static ProductActivityList Create(ReadOnlySpan<ProductActivity> items) => new(items.ToArray());

    public static implicit operator ProductActivityList(ProductActivity[] items) => new(items);

    public IEnumerator<ProductActivity> GetEnumerator() => ((IEnumerable<ProductActivity>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join("; ", _items.Select(i => i.ToString()));
}
