using System.Security.Cryptography;
using System.Text;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Judgments;
using Microsoft.Extensions.Time.Testing;

namespace JiraDeactivate.Core.Tests.Integrity;

/// <summary>A judgment is a fact the module can check, not a claim (issue 21).</summary>
public sealed class JudgmentSealTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] s_key = RandomNumberGenerator.GetBytes(32);

    private static JudgmentPayload Payload(DateTime? judgedAt = null, DateTime? asOf = null) =>
        new("712020:ann", "JiraSoftware", "acme", 90, asOf ?? s_now.UtcDateTime.AddHours(-1), judgedAt ?? s_now.UtcDateTime, "ann@contractor.example", "Organization admin", true, "Remove");

    private static JudgmentSeal Seal(byte[]? key = null) => new(key ?? s_key, new FakeTimeProvider(s_now));

    [Fact]
    public void A_sealed_judgment_opens_to_what_was_judged_and_is_plain_ascii_text()
    {
        string token = Seal().Seal(Payload());

        var check = Seal().Open(token);

        Assert.Null(check.Refusal);
        Assert.Equal(Payload(), check.Payload);
        Assert.Matches("^v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", token);
    }

    [Theory]
    [InlineData("\"moreThan\":90", "\"moreThan\":1")]
    [InlineData("\"accountId\":\"712020:ann\"", "\"accountId\":\"712020:bob\"")]
    [InlineData("\"product\":\"JiraSoftware\"", "\"product\":\"JiraServiceManagement\"")]
    [InlineData("\"action\":\"Remove\"", "\"action\":\"Skip\"")]
    public void An_edited_payload_no_longer_opens(string from, string to)
    {
        string[] parts = Seal().Seal(Payload()).Split('.');
        string json = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1])));
        Assert.Contains(from, json, StringComparison.Ordinal);
        string edited = Convert.ToBase64String(Encoding.UTF8.GetBytes(json.Replace(from, to, StringComparison.Ordinal))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var check = Seal().Open($"{parts[0]}.{edited}.{parts[2]}");

        Assert.Null(check.Payload);
        Assert.Contains("seal does not match", check.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_judgment_sealed_with_another_key_does_not_open()
    {
        string token = Seal(RandomNumberGenerator.GetBytes(32)).Seal(Payload());

        Assert.Null(Seal().Open(token).Payload);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("v1.abc")]
    [InlineData("v2.e30.AAAA")]
    [InlineData("v1.e30.!!!!")]
    public void Text_that_is_not_a_sealed_judgment_is_refused_with_a_reason(string? token)
    {
        var check = Seal().Open(token);

        Assert.Null(check.Payload);
        Assert.False(string.IsNullOrEmpty(check.Refusal));
    }

    [Fact]
    public void An_overlong_token_is_refused_unread()
    {
        var check = Seal().Open("v1." + new string('A', JudgmentSeal.MaxLength) + ".AAAA");

        Assert.Contains("longer than", check.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_judgment_from_the_future_is_refused()
    {
        string judgedTomorrow = Seal().Seal(Payload(judgedAt: s_now.UtcDateTime.AddDays(1)));
        string dataNextWeek = Seal().Seal(Payload(asOf: s_now.UtcDateTime.AddDays(7)));
        string dataWithinTheLag = Seal().Seal(Payload(asOf: s_now.UtcDateTime.AddHours(23)));

        Assert.Contains("future", Seal().Open(judgedTomorrow).Refusal, StringComparison.Ordinal);
        Assert.Contains("future", Seal().Open(dataNextWeek).Refusal, StringComparison.Ordinal);
        Assert.NotNull(Seal().Open(dataWithinTheLag).Payload);
    }

    [Fact]
    public void The_key_is_made_once_owner_only_and_the_same_on_every_use()
    {
        string folder = Path.Combine(Path.GetTempPath(), "judgment-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = new JudgmentKeyStore(folder).GetOrCreate();
            var again = new JudgmentKeyStore(folder).GetOrCreate();

            Assert.Equal(32, first.Length);
            Assert.Equal(first, again);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(new JudgmentKeyStore(folder).Path));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_key_others_can_read_or_a_key_folder_others_can_change_is_refused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string folder = Path.Combine(Path.GetTempPath(), "judgment-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new JudgmentKeyStore(folder);
            store.GetOrCreate();
            File.SetUnixFileMode(store.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
            Assert.Contains("chmod 600", Assert.Throws<JudgmentKeyException>(store.GetOrCreate).Message, StringComparison.Ordinal);

            File.SetUnixFileMode(store.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
            Assert.Contains("chmod 700", Assert.Throws<JudgmentKeyException>(store.GetOrCreate).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_judgment_key_of_another_user_is_refused_as_a_journal_key_is()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            // Only root can give a file away; elsewhere check that the owner is read at all.
            Assert.NotNull(UnixFileFacts.CurrentUser);
            return;
        }

        string folder = Path.Combine(Path.GetTempPath(), "judgment-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new JudgmentKeyStore(folder);
            byte[] key = store.GetOrCreate();
            using (var chown = System.Diagnostics.Process.Start("chown", ["65534", store.Path]))
            {
                chown.WaitForExit();
            }

            var refused = Assert.Throws<JudgmentKeyException>(store.GetOrCreate);
            Assert.Contains("belongs to user 65534, not to this user (0)", refused.Message, StringComparison.Ordinal);

            using (var back = System.Diagnostics.Process.Start("chown", ["0", store.Path]))
            {
                back.WaitForExit();
            }

            Assert.Equal(key, store.GetOrCreate());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Pad(string base64Url) =>
        base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (base64Url.Length % 4)) % 4);
}
