// Where the CSV reader's time goes: each stage adds one piece of work to the one before, over the same file, in one
// warm process without PowerShell. The best of N runs of each stage (a shared machine is noisy).
// Usage: Profile <file> <asOf yyyy-MM-dd> <moreThan> [runs]. Prints one JSON line.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using JiraDeactivate.Core.Csv;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Products;

string file = args[0];
var asOf = DateTime.ParseExact(args[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
int moreThan = int.Parse(args[2], CultureInfo.InvariantCulture);
int runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
var selector = new InactiveUserSelector(JiraProduct.JiraSoftware, new InactivityRule(moreThan, asOf), InactiveUserFilter.Default);
var options = new CsvReaderOptions { TrackLineNumbers = true };

var stages = new (string Name, Func<long> Work)[]
{
    ("readBytes", () => File.ReadAllBytes(file).LongLength),
    ("decodeUtf8", () =>
    {
        using var text = new StreamReader(file, Encoding.UTF8, false, 1 << 16);
        var buffer = new char[1 << 16];
        long n = 0;
        for (int k; (k = text.Read(buffer, 0, buffer.Length)) > 0;) n += k;
        return n;
    }),
    ("csvHelperTokenize", () =>
    {
        using var csv = CsvReader.FromFile(file, options, FileOptions.SequentialScan);
        long n = 0;
        while (csv.Read()) n++;
        return n;
    }),
    ("csvHelperAllFields", () =>
    {
        using var csv = CsvReader.FromFile(file, options, FileOptions.SequentialScan);
        long n = 0;
        while (csv.Read()) { for (int i = 0; i < csv.FieldCount; i++) n += csv.GetString(i).Length; }
        return n;
    }),
    ("reader", () =>
    {
        long n = 0;
        foreach (var r in UserExportReader.Read(file)) { if (r.User is not null) n++; }
        return n;
    }),
    ("readerSelect", () =>
    {
        long n = 0;
        foreach (var r in UserExportReader.Read(file)) { if (r.User is { } u) { foreach (var _ in selector.Select(u)) n++; } }
        return n;
    }),
};

var result = new Dictionary<string, object>();
for (int run = 0; run <= runs; run++)
{
    foreach (var (name, work) in stages)
    {
        GC.Collect();
        long allocated = GC.GetTotalAllocatedBytes(true);
        var clock = Stopwatch.StartNew();
        long count = work();
        clock.Stop();
        if (run == 0)
        {
            continue; // the warm-up round: JIT and the file cache
        }

        double seconds = clock.Elapsed.TotalSeconds;
        result[name + "Seconds"] = result.TryGetValue(name + "Seconds", out var best) ? Math.Min((double)best, seconds) : seconds;
        result[name + "AllocatedBytes"] = GC.GetTotalAllocatedBytes(true) - allocated;
        result[name + "Count"] = count;
    }
}

result["runs"] = runs;
Console.WriteLine(JsonSerializer.Serialize(result));
