// The CSV floor: UserExportReader.Read + InactiveUserSelector.Select over a file, in-process, no PowerShell.
// Usage: Floor <file> <asOf yyyy-MM-dd> <moreThan> [floor|profile]
// Prints one JSON line. "profile" adds a stage breakdown: raw CsvHelper parsing, the core's Read, Read + Select.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using JiraDeactivate.Core.Csv;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Products;

string file = args[0];
var asOf = DateTime.ParseExact(args[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
int moreThan = int.Parse(args[2], CultureInfo.InvariantCulture);
string mode = args.Length > 3 ? args[3] : "floor";
var selector = new InactiveUserSelector(JiraProduct.JiraSoftware, new InactivityRule(moreThan, asOf), InactiveUserFilter.Default);

var result = new Dictionary<string, object>();
if (mode == "profile")
{
    // Warm the code paths on a slice first so the stages compare steady-state code.
    Stage("warmup", () => { long n = 0; foreach (var r in UserExportReader.Read(file)) { if (++n == 20000) break; } return n; });
    result["csvHelperSeconds"] = Stage("csvhelper", () =>
    {
        using var text = new StreamReader(file);
        using var parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, Mode = CsvMode.RFC4180 });
        long n = 0;
        while (parser.Read()) { _ = parser.Record; n++; }
        return n;
    });
    // The same date parsing as ExportValues.TryParseDate (same formats, culture, styles) on the date cells of every row.
    string[] formats = ["d MMM yyyy", "d MMMM yyyy", "d MMM yyyy HH:mm:ss", "d MMM yyyy H:mm", "d MMM yyyy HH:mm", "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd HH:mm:ss"];
    var never = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Never accessed", "Never logged in", "Never" };
    long dateCells = 0;
    result["csvHelperDatesSeconds"] = Stage("csvhelperdates", () =>
    {
        using var text = new StreamReader(file);
        using var parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, Mode = CsvMode.RFC4180 });
        parser.Read();
        var header = parser.Record!;
        int[] dateColumns = Enumerable.Range(0, header.Length).Where(i => header[i] == "Added to org" || header[i].StartsWith("Last seen in ", StringComparison.Ordinal)).ToArray();
        long n = 0;
        while (parser.Read())
        {
            var record = parser.Record!;
            foreach (int c in dateColumns)
            {
                string cell = record[c].Trim();
                if (cell.Length == 0 || never.Contains(cell)) continue;
                dateCells++;
                _ = DateTime.TryParseExact(cell, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);
            }
            n++;
        }
        return n;
    });
    result["dateCells"] = dateCells;
    // The same cells with a span parser for the common "d MMM yyyy" form, falling back to TryParseExact.
    result["csvHelperFastDatesSeconds"] = Stage("csvhelperfastdates", () =>
    {
        using var text = new StreamReader(file);
        using var parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, Mode = CsvMode.RFC4180 });
        parser.Read();
        var header = parser.Record!;
        int[] dateColumns = Enumerable.Range(0, header.Length).Where(i => header[i] == "Added to org" || header[i].StartsWith("Last seen in ", StringComparison.Ordinal)).ToArray();
        long n = 0;
        while (parser.Read())
        {
            var record = parser.Record!;
            foreach (int c in dateColumns)
            {
                var cell = record[c].AsSpan().Trim();
                if (cell.Length == 0 || cell.StartsWith("Never", StringComparison.OrdinalIgnoreCase)) continue;
                if (!FastDate(cell, out _)) _ = DateTime.TryParseExact(cell, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);
            }
            n++;
        }
        return n;
    });
    result["readSeconds"] = Stage("read", () => { long n = 0; foreach (var r in UserExportReader.Read(file)) { if (r.User is not null) n++; } return n; });
}

long users = 0, inactive = 0;
var clock = Stopwatch.StartNew();
foreach (var record in UserExportReader.Read(file))
{
    if (record.User is { } user)
    {
        users++;
        foreach (var _ in selector.Select(user)) inactive++;
    }
}
clock.Stop();
result["users"] = users;
result["count"] = inactive;
result["seconds"] = clock.Elapsed.TotalSeconds;
result["allocatedBytes"] = GC.GetTotalAllocatedBytes();
result["gcCount"] = GC.CollectionCount(0);
result["peakWorkingSet"] = Process.GetCurrentProcess().PeakWorkingSet64;
Console.WriteLine(JsonSerializer.Serialize(result));

// "3 Jan 2024": day, English month abbreviation, year; anything else goes to TryParseExact.
static bool FastDate(ReadOnlySpan<char> s, out DateTime date)
{
    date = default;
    int space = s.IndexOf(' ');
    if (space is < 1 or > 2 || s.Length != space + 9 || s[space + 4] != ' ') return false;
    if (!int.TryParse(s[..space], NumberStyles.None, CultureInfo.InvariantCulture, out int day)) return false;
    int month = "JanFebMarAprMayJunJulAugSepOctNovDec".AsSpan().IndexOf(s.Slice(space + 1, 3));
    if (month < 0 || month % 3 != 0) return false;
    if (!int.TryParse(s.Slice(space + 5, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year)) return false;
    if (day > DateTime.DaysInMonth(year, month / 3 + 1)) return false;
    date = new DateTime(year, month / 3 + 1, day, 0, 0, 0, DateTimeKind.Utc);
    return true;
}

double Stage(string name, Func<long> work)
{
    var c = Stopwatch.StartNew();
    long n = work();
    c.Stop();
    result[name + "Rows"] = n;
    return c.Elapsed.TotalSeconds;
}
