using CsvHelper;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Tells a name with a line break, which an export can hold, from a stray quote that swallows rows, which loses
/// users: only the display name may hold line breaks, at most <see cref="UserExportReader.MaxLineBreaksInName"/>,
/// its quote must close where a field ends (a quote closed mid-field is the stray quote meeting the next one), and
/// none of its lines after the first may look like a row of the file (as many delimiters as half the header's columns).
/// </summary>
internal sealed class QuotedLineBreakCheck(string path, int freeTextColumn, string delimiter, int headerColumns)
{
    private readonly int _rowLikeDelimiters = Math.Max(2, (headerColumns - 1) / 2);

    /// <summary>The line the parser's current record starts on.</summary>
    /// <exception cref="UserExportIntegrityException">A quoted field swallows rows.</exception>
    /// <param name="record">The parser, on a record that spans lines.</param>
    /// <param name="badData">Whether the parser has found a quote inside a field of the record.</param>
    public long StartLine(CsvParser record, Func<bool> badData)
    {
        // Reading every field first also lets the parser find a quote inside one (bad data).
        Span<int> breaks = record.Count <= 256 ? stackalloc int[record.Count] : new int[record.Count];
        long lineBreaks = 0;
        for (int i = 0; i < record.Count; i++)
        {
            breaks[i] = LineBreaks(record[i]);
            lineBreaks += breaks[i];
        }

        int brokenField = -1;
        long breaksBeforeIt = 0;
        for (int i = 0; i < record.Count && brokenField < 0; i++)
        {
            if (breaks[i] > 0 && SwallowsText(record[i]) && (badData() || i != freeTextColumn || breaks[i] > UserExportReader.MaxLineBreaksInName || HasRowLikeLine(record[i])))
            {
                brokenField = i;
            }
            else
            {
                breaksBeforeIt += breaks[i];
            }
        }

        long start = record.RawRow - lineBreaks;
        if (brokenField >= 0)
        {
            long opened = start + breaksBeforeIt;
            throw new UserExportIntegrityException(path, opened, ExportIntegrityProblem.QuoteNotClosed,
                $"{path}:{opened}: a quote opened on line {opened} is not closed before line {record.RawRow}: the field runs over {record.RawRow - opened} line breaks and swallows the rows between, whose users would be lost. Fix the quote on line {opened} (a stray \" in a name) and import again.");
        }

        return start;
    }

    private static int LineBreaks(string field)
    {
        var text = field.AsSpan();
        int newLines = text.Count('\n');
        int returns = text.Count('\r');
        return returns == 0 ? newLines : newLines + returns - CountCrLf(text);
    }

    private static int CountCrLf(ReadOnlySpan<char> text)
    {
        int count = 0;
        for (int i = text.IndexOf("\r\n"); i >= 0; i = text.IndexOf("\r\n"))
        {
            count++;
            text = text[(i + 2)..];
        }

        return count;
    }

    // A quote left open on the last row runs to the end of the file and swallows nothing: that one row is malformed.
    private static bool SwallowsText(string field)
    {
        var text = field.AsSpan();
        int firstBreak = text.IndexOfAny('\r', '\n');
        return !text[firstBreak..].Trim("\r\n").IsEmpty;
    }

    // The field's first line is the rest of the row the quote opened on; the lines after it are what it swallowed.
    private bool HasRowLikeLine(string field)
    {
        bool first = true;
        foreach (var line in field.AsSpan().EnumerateLines())
        {
            if (first)
            {
                first = false;
            }
            else if (Occurrences(line, delimiter) >= _rowLikeDelimiters)
            {
                return true;
            }
        }

        return false;
    }

    private static int Occurrences(ReadOnlySpan<char> line, string delimiter)
    {
        int count = 0;
        for (int i = line.IndexOf(delimiter); i >= 0; i = line.IndexOf(delimiter))
        {
            count++;
            line = line[(i + delimiter.Length)..];
        }

        return count;
    }
}
