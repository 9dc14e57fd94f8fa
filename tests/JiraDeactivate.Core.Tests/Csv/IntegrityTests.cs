using System.Globalization;
using System.Text;
using JiraDeactivate.Core.Csv;

namespace JiraDeactivate.Core.Tests.Csv;

/// <summary>Files whose structure would lose users silently or exhaust memory (issue 13, CSV integrity); see docs/reliability.md.</summary>
public class IntegrityTests
{
    private const string Header = "User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Jira - acme";

    private static string Row(int i, string? name = null) =>
        string.Create(CultureInfo.InvariantCulture, $"a{i},{name ?? $"User {i}"},u{i}@x.example,Active,1 Jan 2024,,2 Feb 2024,User\n");

    // Row i is on line i + 1 (the header is line 1).
    private static string Rows(int count, Func<int, string?> name)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (int i = 1; i <= count; i++)
        {
            text.Append(Row(i, name(i)));
        }

        return text.ToString();
    }

    private static List<ExportRecord> ReadUntilError(string csv, out UserExportIntegrityException? error)
    {
        var records = new List<ExportRecord>();
        error = null;
        try
        {
            foreach (var record in UserExportReader.Read(new StringReader(csv), "test.csv"))
            {
                records.Add(record);
            }
        }
        catch (UserExportIntegrityException e)
        {
            error = e;
        }

        return records;
    }

    [Fact]
    public void A_quote_opened_in_one_name_and_closed_in_a_later_one_stops_the_import_naming_the_line_it_opened_on()
    {
        // The issue's case: a quote opened in row 11's name and closed in row 100's, in a file of 120 users.
        string csv = Rows(120, i => i == 11 ? "\"Ann Lee" : i == 100 ? "Bob\" Smith" : null);

        var records = ReadUntilError(csv, out var error);

        Assert.NotNull(error);
        Assert.Equal((ExportIntegrityProblem.QuoteNotClosed, 12L), (error.Problem, error.LineNumber));
        Assert.Contains("a quote opened on line 12 is not closed before line 101", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.csv", error.Message, StringComparison.Ordinal);
        // What came out before the error is exactly the rows before the quote; nothing after it passed silently.
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"a{i}"), records.Where(r => r.User is not null).Select(r => r.User!.AccountId));
    }

    [Fact]
    public void A_quote_that_swallows_a_single_row_is_an_error_too()
    {
        string csv = Rows(5, i => i == 2 ? "\"Ann Lee" : i == 3 ? "Bob\" Smith" : null);

        ReadUntilError(csv, out var error);

        Assert.Equal((ExportIntegrityProblem.QuoteNotClosed, 3L), (error?.Problem, error?.LineNumber));
    }

    [Fact]
    public void A_line_break_outside_the_name_column_is_a_stray_quote()
    {
        string csv = $"{Header}\na1,Ann,\"ann@x.example\nann2@x.example\",Active,1 Jan 2024,,2 Feb 2024,User\n";

        ReadUntilError(csv, out var error);

        Assert.Equal((ExportIntegrityProblem.QuoteNotClosed, 2L), (error?.Problem, error?.LineNumber));
    }

    [Fact]
    public void A_name_with_up_to_three_line_breaks_is_read_and_line_numbers_stay_true()
    {
        string csv = $"{Header}\na1,\"One\nTwo\r\nThree\nFour\",a@x.example,Active,1 Jan 2024,,2 Feb 2024,User\na2,B,b@x.example,Nope,1 Jan 2024,,2 Feb 2024,User\n";

        var records = ReadUntilError(csv, out var error);

        Assert.Null(error);
        Assert.Equal("One\nTwo\r\nThree\nFour", Assert.Single(records, r => r.User is not null).User!.DisplayName);
        Assert.Equal(6, Assert.Single(records, r => r.Issue is not null).Issue!.LineNumber);
    }

    [Fact]
    public void A_name_with_more_line_breaks_than_an_export_holds_is_a_stray_quote()
    {
        string csv = $"{Header}\na1,\"1\n2\n3\n4\n5\",a@x.example,Active,1 Jan 2024,,2 Feb 2024,User\n";

        ReadUntilError(csv, out var error);

        Assert.Equal(ExportIntegrityProblem.QuoteNotClosed, error?.Problem);
    }

    [Fact]
    public void An_unclosed_quote_in_a_million_row_file_stops_within_the_record_limit_instead_of_reading_on()
    {
        // The issue's case: 1,000,000 rows, a quote opened at row 500,000 and never closed. The reader used to buffer
        // the other half of the file into one field (800 MB); it must stop within one record's limit of the quote.
        using var stream = new GeneratedExport(1_000_000, quoteAtRow: 500_000);

        var error = Assert.Throws<UserExportIntegrityException>(() => UserExportReader.Read(stream, "big.csv").Count());

        Assert.Equal((ExportIntegrityProblem.QuoteNotClosed, 500_001L), (error.Problem, error.LineNumber));
        long readPastQuote = stream.Position - stream.QuotePosition;
        Assert.InRange(readPastQuote, UserExportReader.MaxRecordBytes / 2, UserExportReader.MaxRecordBytes + (1 << 20));
    }

    [Fact]
    public void An_endless_stream_stops_with_an_error_instead_of_hanging()
    {
        using var zeros = new EndlessZeros();

        var error = Assert.Throws<UserExportIntegrityException>(() => UserExportReader.Read(zeros, "/dev/zero").Count());

        Assert.Equal((ExportIntegrityProblem.RecordTooLong, 1L), (error.Problem, error.LineNumber));
        Assert.InRange(zeros.Position, UserExportReader.MaxRecordBytes / 2, UserExportReader.MaxRecordBytes + (1 << 20));
    }

    [Fact]
    public void A_utf8_file_with_one_latin1_row_reads_both_right_and_warns_naming_the_line()
    {
        byte[] bytes =
        [
            .. Encoding.UTF8.GetBytes("User id,User name,email,User status\na1,Zoë Müller,z@x.example,Active\n"),
            .. Encoding.Latin1.GetBytes("a2,José Núñez,j@x.example,Active\n"),
            .. Encoding.UTF8.GetBytes("a3,Łukasz,l@x.example,Active\n"),
        ];
        using var stream = new MemoryStream(bytes);

        var records = UserExportReader.Read(stream, "mixed.csv").ToList();

        Assert.Equal(["Zoë Müller", "José Núñez", "Łukasz"], records.Where(r => r.User is not null).Select(r => r.User!.DisplayName));
        var warning = Assert.Single(records, r => r.Issue is not null).Issue!;
        Assert.Equal((ExportIssueKind.MixedEncoding, 3L), (warning.Kind, warning.LineNumber));
        Assert.Contains("mixed.csv:3", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latin1_file_reads_right_without_a_mixed_encoding_warning()
    {
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes("User id,User name,email,User status\na1,José Núñez,j@x.example,Active\n"));

        var record = Assert.Single(UserExportReader.Read(stream, "latin1.csv"));

        Assert.Equal("José Núñez", record.User!.DisplayName);
    }

    [Theory]
    [InlineData("Last seen in Jira - acme", "Last seen in Jira - acme")]
    [InlineData("Last seen in Jira Software - acme", "Last seen in Jira - acme")]
    [InlineData("Jira - acme", "JIRA - acme")]
    public void Two_columns_giving_the_same_value_are_an_error_naming_them(string first, string second)
    {
        string csv = $"User id,User name,email,User status,{first},{second}\na1,A,a@x.example,Active,1 Jan 2024,2 Feb 2024\n";

        var error = Assert.Throws<UserExportIntegrityException>(() => ExportText.Read(csv));

        Assert.Equal(ExportIntegrityProblem.DuplicateColumns, error.Problem);
        Assert.Contains($"'{first}'", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("columns 5 and 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read()
    {
        using var pipe = new ForwardOnly(new MemoryStream(Encoding.UTF8.GetBytes("\uFEFFUser id,User name,email,User status\na1,Zoë,z@x.example,Active\n")));

        var user = Assert.Single(UserExportReader.Read(pipe, "pipe")).User!;

        Assert.Equal(("a1", "Zoë"), (user.AccountId, user.DisplayName));
    }

    /// <summary>A pipe: forward only, no length, no position.</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>/dev/zero: zero bytes forever; Position counts what was read.</summary>
    private sealed class EndlessZeros : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>An export written as it is read (no 100 MB array): ASCII rows, one name opening a quote it never closes.</summary>
    private sealed class GeneratedExport(int rows, int quoteAtRow) : Stream
    {
        private byte[] _pending = Encoding.ASCII.GetBytes(Header + "\n");
        private int _offset;
        private int _row;
        private long _position;

        /// <summary>Where the unclosed quote is.</summary>
        public long QuotePosition { get; private set; } = -1;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                if (_row == rows)
                {
                    return 0;
                }

                _row++;
                _pending = Encoding.ASCII.GetBytes(Row(_row, _row == quoteAtRow ? "\"Never closed" : null));
                _offset = 0;
                if (_row == quoteAtRow)
                {
                    QuotePosition = _position + _pending.AsSpan().IndexOf((byte)'"');
                }
            }

            int n = Math.Min(count, _pending.Length - _offset);
            _pending.AsSpan(_offset, n).CopyTo(buffer.AsSpan(offset));
            _offset += n;
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
