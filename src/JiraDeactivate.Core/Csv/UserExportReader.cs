using System.Text;
using CsvHelper;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Streams the users of an Atlassian "Export users" CSV: one record per user, with the user's adjacent rows
/// (one per group in some layouts) merged. Memory does not grow with the file's size, and is bounded on broken
/// files too: a record may not grow past <see cref="MaxRecordBytes"/>.
/// </summary>
public static class UserExportReader
{
    /// <summary>The most bytes (of UTF-8) one record may hold (a 1 MB name fits; an unclosed quote or endless stream stops here).</summary>
    public const int MaxRecordBytes = 4 * 1024 * 1024;

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

    /// <summary>
    /// Opens an export for sequential reading; callers that show progress watch its position when it can seek.
    /// Unbuffered: the reader reads in large blocks of its own, and the position is then one field another thread may read.
    /// </summary>
    public static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    /// <summary>
    /// Reads an export from a stream in one forward pass (a pipe or FIFO will do), choosing its encoding;
    /// <paramref name="path"/> names it in messages. With <paramref name="onlyProduct"/>, users carry only that
    /// product's activity, and the other products' columns are not read.
    /// </summary>
    public static IEnumerable<ExportRecord> Read(Stream stream, string path, CancellationToken cancellationToken = default, JiraProduct? onlyProduct = null)
    {
        using var decoder = new ExportDecoder(stream, leaveOpen: true);
        long? length = stream.CanSeek ? stream.Length : null;
        string? Truncation() => length is { } expected && stream.CanSeek && stream.Position < expected
            ? $"{path}: the file ended after {stream.Position:N0} of its {expected:N0} bytes: it was truncated or rewritten while it was read, so users after that point are missing. Import it again once it is complete."
            : null;
        foreach (var record in ReadUtf8(decoder, path, decoder, onlyProduct, cancellationToken, Truncation))
        {
            yield return record;
        }
    }

    /// <summary>Reads an export from <paramref name="text"/>; <paramref name="path"/> names it in messages.</summary>
    public static IEnumerable<ExportRecord> Read(TextReader text, string path, CancellationToken cancellationToken = default)
    {
        using var bytes = new TextUtf8Stream(text);
        foreach (var record in ReadUtf8(bytes, path, null, null, cancellationToken, static () => null))
        {
            yield return record;
        }
    }

    private static IEnumerable<ExportRecord> ReadUtf8(Stream utf8, string path, ExportDecoder? decoder, JiraProduct? onlyProduct, CancellationToken cancellationToken, Func<string?> truncation)
    {
        // The parser reports broken quoting (a stray quote, text after a closing quote, a quote never closed) per
        // record, by its number, and recovers; such a record comes out as a malformed row, or stops the import below.
        var malformed = new Queue<long>();
        var options = new CsvReaderOptions
        {
            Encoding = Encoding.UTF8,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = true,
            OnMalformedRecord = record => malformed.Enqueue(record.RecordNumber),
        };
        var guard = new RecordSizeGuard(utf8, MaxRecordBytes);
        using var csv = CsvReader.Create(guard, options, leaveOpen: true);

        if (!TryReadHeader(csv, guard, path) || csv.Headers is not { Count: > 0 } header || header.All(string.IsNullOrWhiteSpace))
        {
            yield return new ExportRecord(null, new ExportIssue(ExportIssueKind.EmptyFile, path, 0, null, $"'{path}' is empty: it holds no users."));
            yield break;
        }

        var columns = ExportColumns.TryParse(header, path, out var missing) ?? throw new UserExportFormatException(path, missing);
        var rows = new ExportRowParser(columns, path, onlyProduct);
        var quotes = new QuotedLineBreakCheck(path, columns.DisplayName, csv.Separator, header.Count);
        var seen = new AccountIdSet();
        JiraUserActivity? pending = null;
        long lastLine = 1;
        bool encodingReported = false;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            UserExportIntegrityException? broken = null;
            bool isMalformed = false;
            try
            {
                if (!TryRead(csv, guard, path, lastLine + 1))
                {
                    break;
                }

                // The header is record 1: the record number of the current row is one more than its row number.
                long number = csv.RowNumber + 1;
                while (malformed.TryPeek(out long next) && next <= number)
                {
                    isMalformed |= malformed.Dequeue() == number;
                }

                // A record over several lines holds quoted line breaks: only then is it looked at.
                if (csv.RawRecord.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
                {
                    quotes.Check(csv, isMalformed);
                }
            }
            catch (UserExportIntegrityException e)
            {
                broken = e;
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

            long line = csv.LineNumber;
            lastLine = line;
            var row = csv.FieldCount != header.Count || isMalformed
                ? ExportRowParser.Malformed(path, line, csv.FieldCount, header.Count, csv.FieldCount > rows.AccountIdColumn && rows.AccountIdColumn >= 0 ? csv.GetString(rows.AccountIdColumn) : null)
                : rows.Parse(csv, line);

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

        // A file that shrank while it was read would otherwise end as a silently shorter list; its last user may be cut too.
        if (truncation() is { } truncated)
        {
            throw new UserExportIntegrityException(path, lastLine, ExportIntegrityProblem.Truncated, truncated);
        }

        if (pending is not null)
        {
            yield return new ExportRecord(pending, null);
        }
    }

    private static bool TryReadHeader(CsvReader csv, RecordSizeGuard guard, string path) =>
        Translate(() =>
        {
            csv.ReadHeader();
            return true;
        }, guard, path, 1);

    private static bool TryRead(CsvReader csv, RecordSizeGuard guard, string path, long startLine)
    {
        // ByteOffset is where the record just read began: the next one begins after its raw bytes.
        guard.BeginRecord(csv.ByteOffset + csv.RawRecord.Length);
        return Translate(csv.Read, guard, path, startLine);
    }

    // The parser's and the guard's exceptions, as the reader's: a record that never ends, or input that is not CSV.
    private static bool Translate(Func<bool> read, RecordSizeGuard guard, string path, long startLine)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is RecordTooLongException || e.InnerException is RecordTooLongException)
        {
            long reached = (e as RecordTooLongException ?? (RecordTooLongException)e.InnerException!).Line;
            long start = Math.Max(1, startLine);
            throw reached > start
                ? new UserExportIntegrityException(path, start, ExportIntegrityProblem.QuoteNotClosed,
                    $"{path}:{start}: a quote opened on line {start} is not closed before line {reached} ({MaxRecordBytes:N0} bytes): the rows after it would be lost. Fix the quote on line {start} and import again.")
                : new UserExportIntegrityException(path, start, ExportIntegrityProblem.RecordTooLong,
                    $"{path}:{start}: line {start} runs for more than {MaxRecordBytes:N0} bytes without ending: this is not an \"Export users\" CSV.");
        }
        catch (CsvFormatException e)
        {
            throw new UserExportFormatException(path, $"line {guard.LineBreaks + 1}: {e.Message.Split('\n')[0]}", e);
        }
    }
}
