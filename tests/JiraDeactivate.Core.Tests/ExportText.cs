using JiraDeactivate.Core.Csv;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Tests;

/// <summary>Reads export text given inline in a test.</summary>
internal static class ExportText
{
    public static List<ExportRecord> Read(string csv) =>
        UserExportReader.Read(new StringReader(csv.ReplaceLineEndings("\n")), "test.csv").ToList();

    public static List<JiraUserActivity> Users(string csv) =>
        Read(csv).Where(r => r.User is not null).Select(r => r.User!).ToList();

    public static List<ExportIssue> Issues(string csv) =>
        Read(csv).Where(r => r.Issue is not null).Select(r => r.Issue!).ToList();
}
