using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Streams the users of an Atlassian "Export users" CSV: one record per user, with the user's adjacent rows
/// (one per group in some layouts) merged. Memory does not grow with the file's size, and is bounded on broken
/// files too: a record may not grow past <see cref="MaxRecordChars"/>.
/// </summary>
public static class UserExportReader
{
    /// <summary>The most characters one record may hold (a 1 MB name fits; an unclosed quote or endless stream stops here).</summary>
    public const int MaxRecordChars = 4 * 1024 * 1024;

    /// <summary>The most line breaks a quoted name may hold; more means a quote that swallows rows.</summary>
    public const int MaxLineBreaksInName = 3;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="UserExportFormatException">The file is not a users export.</exception>
    /// <exception cref="UserExportIntegrityException">A quote swallows rows, a record never ends, or columns are duplicated.</exception>
    public static IEnumerable<ExportRecord> Read(string path, CancellationToken cancellationToken = default)
    {
        using var stream = OpenFile(path);
        foreach (var record in Read(stream, path, cancellationToken))
        {
            yield return record;
        }
    }

    /// <summary>Opens an export for sequential reading; callers that show progress watch its position when it can seek.</summary>
    public static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>
    /// Reads an export from a stream in one forward pass (a pipe or FIFO will do), choosing its encoding;
    /// <paramref name="path"/> names it in messages.
    /// </summary>
    public static IEnumerable<ExportRecord> Read(Stream stream, string path, CancellationToken cancellationToken = default)
    {
        using var decoder = new ExportDecoder(stream, leaveOpen: true);
        foreach (var record in ReadText(decoder, path, decoder, cancellationToken))
        {
            yield return record;
        }
    }

    /// <summary>Reads an export from <paramref name="text"/>; <paramref name="path"/> names it in messages.</summary>
    public static IEnumerable<ExportRecord> Read(TextReader text, string path, CancellationToken cancellationToken = default) =>
        ReadText(text, path, null, cancellationToken);

    private static IEnumerable<ExportRecord> ReadText(TextReader text, string path, ExportDecoder? decoder, CancellationToken cancellationToken)
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
        var guard = new RecordSizeGuard(text, MaxRecordChars);
        using var parser = new CsvParser(guard, configuration, leaveOpen: true);

        if (!TryRead(parser, guard, path, 0) || parser.Record is not { } header || header.All(string.IsNullOrWhiteSpace))
        {
            yield return new ExportRecord(null, new ExportIssue(ExportIssueKind.EmptyFile, path, 0, null, $"'{path}' is empty: it holds no users."));
            yield break;
        }

        var columns = ExportColumns.TryParse(header, path, out var missing) ?? throw new UserExportFormatException(path, missing);
        var rows = new ExportRowParser(columns, path);
        var quotes = new QuotedLineBreakCheck(path, columns.DisplayName, parser.Delimiter, header.Length);
        var seen = new AccountIdSet();
        JiraUserActivity? pending = null;
        long previousLine = parser.RawRow;
        bool encodingReported = false;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            badData = null;
            long line;
            UserExportIntegrityException? broken = null;
            try
            {
                if (!TryRead(parser, guard, path, previousLine + 1))
                {
                    break;
                }

                // A record over several lines holds quoted line breaks (or follows blank lines): only then is it looked at.
                line = parser.RawRow - previousLine > 1 ? quotes.StartLine(parser, () => badData is not null) : previousLine + 1;
            }
            catch (UserExportIntegrityException e)
            {
                broken = e;
                line = 0;
            }

            if (broken is not null)
            {
                // The users before the broken line come out, then reading stops: nothing after it is trusted.
                if (pending is not null)
                {
                    yield return new ExportRecord(pending, null);
                }

                throw broken;
            }

            previousLine = parser.RawRow;
            // The parser finds a quote inside a field when the field is read: only the columns the format needs are.
            var row = parser.Count == header.Length ? rows.Parse(parser, line) : default;
            if (parser.Count != header.Length || badData is not null)
            {
                row = ExportRowParser.Malformed(path, line, parser.Count, header.Length, parser.Count > rows.AccountIdColumn && rows.AccountIdColumn >= 0 ? parser[rows.AccountIdColumn] : null);
            }

            if (decoder is { IsMixed: true } && !encodingReported)
            {
                encodingReported = true;
                yield return new ExportRecord(null, new ExportIssue(ExportIssueKind.MixedEncoding, path, decoder.FirstLatin1Line, null,
                    $"{path}:{decoder.FirstLatin1Line}: the file is UTF-8, but this line (and maybe others) holds bytes that are not: they were read as Latin-1. Check the names of the users on such lines; save the file as UTF-8 to silence this."));
            }

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

    private static bool TryRead(CsvParser parser, RecordSizeGuard guard, string path, long startLine)
    {
        try
        {
            guard.BeginRecord(parser.CharCount);
            return parser.Read();
        }
        catch (Exception e) when (e is RecordTooLongException || e.InnerException is RecordTooLongException)
        {
            long reached = (e as RecordTooLongException ?? (RecordTooLongException)e.InnerException!).Line;
            long start = Math.Max(1, startLine);
            throw reached > start
                ? new UserExportIntegrityException(path, start, ExportIntegrityProblem.QuoteNotClosed,
                    $"{path}:{start}: a quote opened on line {start} is not closed before line {reached} ({MaxRecordChars:N0} characters): the rows after it would be lost. Fix the quote on line {start} and import again.")
                : new UserExportIntegrityException(path, start, ExportIntegrityProblem.RecordTooLong,
                    $"{path}:{start}: line {start} runs for more than {MaxRecordChars:N0} characters without ending: this is not an \"Export users\" CSV.");
        }
        catch (CsvHelperException e)
        {
            throw new UserExportFormatException(path, $"line {parser.RawRow}: {e.Message.Split('\n')[0]}", e);
        }
    }
}
