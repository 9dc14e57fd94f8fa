using System.Collections;
using System.Runtime.CompilerServices;

namespace JiraDeactivate.Core;

/// <summary>
/// A list of names on an output object: an array to ConvertTo-Json and to scripts, and "a; b" as text, so that
/// Export-Csv writes the names rather than "System.String[]".
/// </summary>
[CollectionBuilder(typeof(TextList), nameof(Create))]
public sealed class TextList : IReadOnlyList<string>
{
    private readonly string[] _items;

    public TextList(IEnumerable<string> items) => _items = items.ToArray();

    // The array is taken as it is, not copied (an export's users share their group lists): it must not change after.
    private TextList(string[] items) => _items = items;

    public static TextList Empty { get; } = new(Array.Empty<string>());

    public int Count => _items.Length;

    public string this[int index] => _items[index];

    public static TextList Create(ReadOnlySpan<string> items) => new(items.ToArray());

    public static implicit operator TextList(string[] items) => new(items);

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join("; ", _items);
}
