using System.Text.Json.Nodes;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Tests.Runs;

namespace JiraDeactivate.Core.Tests.Inactivity;

/// <summary>The bulk last look's reads (issue 24): by account ID or the whole directory, whichever costs fewer calls.</summary>
public sealed class DirectorySearchReaderTests
{
    // A directory of users u000..u(n-1), 100 a page, that honours the accountIds filter.
    private static FakeAtlassian Directory(int size) => new((_, _, body) =>
    {
        var request = JsonNode.Parse(body)!.AsObject();
        var all = Enumerable.Range(0, size).Select(i => $"u{i:000}").ToList();
        var ids = request["accountIds"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet();
        int offset = request["cursor"] is { } cursor ? int.Parse(cursor.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var matching = all.Where(id => ids is null || ids.Contains(id)).ToList();
        int limit = request["limit"]!.GetValue<int>();
        var page = matching.Skip(offset).Take(limit).Select(id => $$"""{"accountId":"{{id}}","productAccess":[{"key":"jira","id":"cloud-1","lastActiveTimestamp":"2026-01-02T03:04:05Z"}]}""");
        string next = offset + limit < matching.Count ? $$""","next":"{{offset + limit}}" """ : string.Empty;
        return (200, "{\"data\":[" + string.Join(",", page) + "],\"links\":{\"self\":\"x\"" + next + "}}");
    });

    private static List<string> Users(int count, int step) => Enumerable.Range(0, count).Select(i => $"u{i * step:000}").ToList();

    [Fact]
    public async Task A_few_users_in_a_large_directory_are_read_by_account_ID_ten_a_call()
    {
        var fake = Directory(900);
        var found = await new DirectorySearchReader(new AdminApiClient(fake.Client()), "org-1").ReadAsync(Users(25, 30), directorySizeAtLeast: 800, CancellationToken.None);
        Assert.Equal(25, found.Count);
        Assert.Equal(3, fake.Calls.Count);
        Assert.All(fake.Calls, c => Assert.Contains("accountIds", c.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Many_users_of_a_small_directory_are_read_from_the_directory_a_hundred_a_call()
    {
        var fake = Directory(300);
        var found = await new DirectorySearchReader(new AdminApiClient(fake.Client()), "org-1").ReadAsync(Users(120, 2), directorySizeAtLeast: 200, CancellationToken.None);
        Assert.Equal(120, found.Count);
        Assert.Equal(3, fake.Calls.Count);
        Assert.All(fake.Calls, c => Assert.DoesNotContain("accountIds", c.Body, StringComparison.Ordinal));
        Assert.Equal(found["u238"].ProductAccess![0].LastActive, new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_directory_larger_than_it_seemed_is_read_no_longer_than_the_calls_by_ID_would_cost_and_the_rest_is_asked_for_by_ID()
    {
        // 30 users spread over 3,000: by ID costs 3 calls; the directory looked like 100 users (one page), so it is
        // tried, and given up after 3 pages for the users not seen yet.
        var fake = Directory(3000);
        var users = Users(30, 100);
        var found = await new DirectorySearchReader(new AdminApiClient(fake.Client()), "org-1").ReadAsync(users, directorySizeAtLeast: 100, CancellationToken.None);
        Assert.Equal(30, found.Count);
        Assert.Equal(3, fake.Calls.Count(c => !c.Body.Contains("accountIds", StringComparison.Ordinal)));
        Assert.Equal(3, fake.Calls.Count(c => c.Body.Contains("accountIds", StringComparison.Ordinal)));
    }
}
