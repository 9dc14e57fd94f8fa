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

double Stage(string name, Func<long> work)
{
    var c = Stopwatch.StartNew();
    long n = work();
    c.Stop();
    result[name + "Rows"] = n;
    return c.Elapsed.TotalSeconds;
}
