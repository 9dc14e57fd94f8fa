using System.Text;
using JiraDeactivate.Core.Csv;

namespace JiraDeactivate.Core.Tests.Csv;

/// <summary>The record limit is per record, and a file that shrinks while it is read is an error (issue 21).</summary>
public sealed class RecordLimitTests
{
    private const string Header = "User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Jira - acme";

    private static string Row(string id, string name) => $"{id},\"{name}\",{id}@x.example,Active,1 Jan 2024,,2 Feb 2024,User\n";

    [Fact]
    public void Two_adjacent_records_of_2_2_megabytes_are_read_whole()
    {
        string big = new('x', 2_200_000);
        byte[] bytes = Encoding.UTF8.GetBytes($"{Header}\n{Row("a1", big)}{Row("a2", big)}{Row("a3", "C")}");
        using var stream = new MemoryStream(bytes);

        var users = UserExportReader.Read(stream, "big.csv").Select(r => r.User ?? throw new InvalidOperationException(r.Issue!.Message)).ToList();

        Assert.Equal(["a1", "a2", "a3"], users.Select(u => u.AccountId));
        Assert.Equal(2_200_000, users[1].DisplayName!.Length);
    }

    [Fact]
    public void A_record_just_over_the_limit_is_still_refused()
    {
        string huge = new('x', UserExportReader.MaxRecordBytes + 10);
        byte[] bytes = Encoding.UTF8.GetBytes($"{Header}\n{Row("a1", "A")}{Row("a2", huge)}");
        using var stream = new MemoryStream(bytes);

        var error = Assert.Throws<UserExportIntegrityException>(() => UserExportReader.Read(stream, "big.csv").ToList());

        Assert.Equal(ExportIntegrityProblem.RecordTooLong, error.Problem);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void A_file_that_shrinks_while_it_is_read_is_an_error_not_a_shorter_list()
    {
        var rows = new StringBuilder($"{Header}\n");
        for (int i = 0; i < 20_000; i++)
        {
            rows.Append(Row($"u{i}", $"User {i}"));
        }

        using var stream = new ShrinkingStream(Encoding.UTF8.GetBytes(rows.ToString()), endsAt: 300_000);

        var records = new List<ExportRecord>();
        var error = Assert.Throws<UserExportIntegrityException>(() => records.AddRange(UserExportReader.Read(stream, "export.csv")));

        Assert.Equal(ExportIntegrityProblem.Truncated, error.Problem);
        Assert.Contains("truncated or rewritten while it was read", error.Message, StringComparison.Ordinal);
        Assert.InRange(records.Count, 1, 19_999);
    }

    [Fact]
    public void A_file_truncated_mid_record_on_disk_while_it_is_read_is_an_error()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("shrink-").FullName, "export.csv");
        var rows = new StringBuilder($"{Header}\n");
        for (int i = 0; i < 50_000; i++)
        {
            rows.Append(Row($"u{i}", $"User {i}"));
        }

        File.WriteAllText(path, rows.ToString());
        int read = 0;
        var error = Assert.Throws<UserExportIntegrityException>(() =>
        {
            foreach (var record in UserExportReader.Read(path))
            {
                if (++read == 10)
                {
                    // Another process rewrites the export while this one reads it: cut mid-record.
                    using var writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                    writer.SetLength(400_003);
                }
            }
        });

        Assert.Equal(ExportIntegrityProblem.Truncated, error.Problem);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    // A seekable stream whose content ends before its reported length, as a file cut while it is read.
    private sealed class ShrinkingStream(byte[] content, int endsAt) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => content.Length;

        public override long Position { get => _position; set => _position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Max(0, Math.Min(count, endsAt - _position));
            Array.Copy(content, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => content.Length + offset,
        };

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
