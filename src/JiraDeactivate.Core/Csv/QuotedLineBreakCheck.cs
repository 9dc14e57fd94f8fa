using CsvHelper;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Tells a name with a line break, which an export can hold, from a stray quote that swallows rows, which loses
/// users: only the display name may hold line breaks, at most <see cref="UserExportReader.MaxLineBreaksInName"/>,
/// its quote must close where a field ends (a quote closed mid-field is the stray quote meeting the next one), and
/// none of its lines after the first may look like a row of the file (as many delimiters as half the header's columns).
/// </summary>
internal sealed class QuotedLineBreakCheck(string path, int freeTextColumn, char delimiter, int headerColumns)
{
    private readonly int _rowLikeDelimiters = Math.Max(2, (headerColumns - 1) / 2);

    /// <summary>Throws when a quoted field of the parser's current record, which spans lines, swallows rows.</summary>
    /// <exception cref="UserExportIntegrityException">A quoted field swallows rows.</exception>
    /// <param name="record">The parser, on a record that spans lines.</param>
    /// <param name="malformed">Whether the parser found broken quoting in the record (a quote closed mid-field).</param>
    public void Check(CsvReader record, bool malformed)
    {
        int count = record.FieldCount;
        var fields = new string[count];
        long lineBreaks = 0;
        int brokenField = -1;
        long breaksBeforeIt = 0;
        for (int i = 0; i < count; i++)
        {
            fields[i] = record.GetString(i);
            int breaks = LineBreaks(fields[i]);
            lineBreaks += breaks;
            if (brokenField < 0 && breaks > 0 && SwallowsText(fields[i]) && (malformed || i != freeTextColumn || breaks > UserExportReader.MaxLineBreaksInName || HasRowLikeLine(fields[i])))
            {
                brokenField = i;
            }
            else if (brokenField < 0)
            {
                breaksBeforeIt += breaks;
            }
        }

        if (brokenField >= 0)
        {
            long opened = record.LineNumber + breaksBeforeIt;
            long end = record.LineNumber + lineBreaks;
            throw new UserExportIntegrityException(path, opened, ExportIntegrityProblem.QuoteNotClosed,
                $"{path}:{opened}: a quote opened on line {opened} is not closed before line {end}: the field runs over {end - opened} line breaks and swallows the rows between, whose users would be lost. Fix the quote on line {opened} (a stray \" in a name) and import again.");
        }
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

    private static int Occurrences(ReadOnlySpan<char> line, char delimiter) => line.Count(delimiter);
}
