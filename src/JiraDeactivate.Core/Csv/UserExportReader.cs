using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Streams the users of an Atlassian "Export users" CSV: one record per user, with the user's adjacent rows
/// (one per group in some layouts) merged. Memory does not grow with the file's size.
/// </summary>
public static class UserExportReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="UserExportFormatException">The file is not a users export.</exception>
    public static IEnumerable<ExportRecord> Read(string path, CancellationToken cancellationToken = default)
    {
        using var stream = OpenFile(path);
        foreach (var record in Read(stream, path, cancellationToken))
        {
            yield return record;
        }
    }

    /// <summary>Opens an export for sequential reading; callers that show progress watch its position.</summary>
    public static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>Reads an export from a seekable stream, choosing its encoding; <paramref name="path"/> names it in messages.</summary>
    public static IEnumerable<ExportRecord> Read(Stream stream, string path, CancellationToken cancellationToken = default)
    {
        using var text = new StreamReader(stream, ExportEncoding.Detect(stream), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        foreach (var record in Read(text, path, cancellationToken))
        {
            yield return record;
        }
    }

    /// <summary>Reads an export from <paramref name="text"/>; <paramref name="path"/> names it in messages.</summary>
    public static IEnumerable<ExportRecord> Read(TextReader text, string path, CancellationToken cancellationToken = default)
    {
        string? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = args => badData ??= args.Field,
            IgnoreBlankLines = true,
            Mode = CsvMode.RFC4180,
        };
        using var parser = new CsvParser(text, configuration);

        if (!TryRead(parser, path, out var header) || header.All(string.IsNullOrWhiteSpace))
        {
            yield return new ExportRecord(null, new ExportIssue(ExportIssueKind.EmptyFile, path, 0, null, $"'{path}' is empty: it holds no users."));
            yield break;
        }

        var columns = ExportColumns.TryParse(header, out var missing) ?? throw new UserExportFormatException(path, missing);
        var rows = new ExportRowParser(columns, path);
        var seen = new AccountIdSet();
        JiraUserActivity? pending = null;
        long previousLine = parser.RawRow;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            badData = null;
            if (!TryRead(parser, path, out var fields))
            {
                break;
            }

            long line = previousLine + 1;
            previousLine = parser.RawRow;
            var row = badData is null && fields.Length == header.Length
                ? rows.Parse(fields, line)
                : ExportRowParser.Malformed(path, line, fields.Length, header.Length, fields.Length > columns.AccountId && columns.AccountId >= 0 ? fields[columns.AccountId] : null);

            if (row.Issue is not null)
            {
                yield return row;
                continue;
            }

            var user = row.User!;
            if (pending is not null && string.Equals(pending.AccountId, user.AccountId, StringComparison.Ordinal))
            {
                pending = UserRowMerger.Merge(pending, user);
                continue;
            }

            if (pending is not null)
            {
                yield return new ExportRecord(pending, null);
            }

            if (!seen.Add(user.AccountId))
            {
                yield return new ExportRecord(null, new ExportIssue(ExportIssueKind.UserRowsSplit, path, line, user.AccountId,
                    $"{path}:{line}: user '{user.AccountId}' appears again after other users; its rows are not merged, so the user comes out more than once. Sort the file by 'User id' to merge them."));
            }

            pending = user;
        }

        if (pending is not null)
        {
            yield return new ExportRecord(pending, null);
        }
    }

    private static bool TryRead(CsvParser parser, string path, out string[] fields)
    {
        try
        {
            if (parser.Read() && parser.Record is { } record)
            {
                fields = record;
                return true;
            }
        }
        catch (CsvHelperException e)
        {
            throw new UserExportFormatException(path, $"line {parser.RawRow}: {e.Message.Split('\n')[0]}", e);
        }

        fields = [];
        return false;
    }
}
