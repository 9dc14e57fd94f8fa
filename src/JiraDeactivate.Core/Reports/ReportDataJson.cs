using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace JiraDeactivate.Core.Reports;

/// <summary>
/// Writes the users as the JSON the page's script reads: one array per user, products, sites and sources as indexes
/// into lookup lists (a 100,000-user report stays small). With plan values, each row ends with the indexes of its
/// values (-1 for none) in "planValues", one per column of "planColumns": the page writes them back unchanged (names and emails that start like a formula already neutralized).
/// </summary>
/// <remarks>
/// The JSON sits in a script element, so it must never contain "&lt;/script": the encoder escapes &lt; &gt; &amp; quotes
/// and the line and paragraph separators U+2028/U+2029 (and control and format characters) as \u sequences.
/// </remarks>
internal static class ReportDataJson
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        SkipValidation = true,
    };

    public static void Write(Stream stream, IReadOnlyList<ReportUser> users, string planFile)
    {
        var products = new Lookup();
        var sites = new Lookup();
        var sources = new Lookup();
        var planValues = new Lookup();
        var planColumns = ReportPlan.Columns(users);
        using var json = new Utf8JsonWriter(stream, s_options);
        json.WriteStartObject();
        json.WriteStartArray("rows");
        foreach (var user in users)
        {
            json.WriteStartArray();
            WriteText(json, user.DisplayName);
            WriteText(json, user.Email);
            json.WriteNumberValue(products.IndexOf(InactivityReport.ProductDisplayName(user.Product)));
            json.WriteNumberValue(sites.IndexOf(user.Site ?? string.Empty));
            if (user.LastActive is { } last)
            {
                json.WriteStringValue(ReportNumbers.Date(last));
            }
            else
            {
                json.WriteNullValue();
            }

            if (user.DaysInactive is { } days)
            {
                json.WriteNumberValue(days);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteNumberValue(sources.IndexOf(user.Source ?? string.Empty));
            json.WriteStringValue(user.AccountId);
            if (planColumns.Count > 0)
            {
                json.WriteStartArray();
                foreach (string column in planColumns)
                {
                    json.WriteNumberValue(user.Plan.TryGetValue(column, out string? value) && ReportPlan.Cell(column, value) is { } cell ? planValues.IndexOf(cell) : -1);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("planColumns");
        foreach (string column in planColumns)
        {
            json.WriteStringValue(column);
        }

        json.WriteEndArray();
        WriteList(json, "planValues", planValues);
        json.WriteString("planFile", planFile);
        WriteList(json, "products", products);
        WriteList(json, "sites", sites);
        WriteList(json, "sources", sources);
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, Lookup lookup)
    {
        json.WriteStartArray(name);
        foreach (string value in lookup.Values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private sealed class Lookup
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public List<string> Values { get; } = [];

        public int IndexOf(string value)
        {
            if (!_index.TryGetValue(value, out int index))
            {
                index = Values.Count;
                _index[value] = index;
                Values.Add(value);
            }

            return index;
        }
    }
}
