using System.Security;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Http;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Protections;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Core.Tests.Http;

namespace JiraDeactivate.Core.Tests.Integrity;

/// <summary>A change whose call fails after its retries is read back before it is reported (issue 13).</summary>
public sealed class DefiniteOutcomeTests : IDisposable
{
    private const string RoleJson = """{"key":"jira-software","name":"Jira Software","groups":["jira-software-users"],"groupDetails":[{"groupId":"g-1","name":"jira-software-users"}],"defaultGroups":[],"numberOfSeats":10,"remainingSeats":5,"userCount":5}""";
    private readonly string _folder = Directory.CreateTempSubdirectory("definite-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string UserJson(bool inGroup)
    {
        string groups = inGroup ? """{"groupId":"g-1","name":"jira-software-users"}""" : string.Empty;
        return """{"accountId":"ann","accountType":"atlassian","active":true,"displayName":"Ann","groups":{"size":1,"items":[""" + groups + """]},"applicationRoles":{"size":0,"items":[]}}""";
    }

    private static LoopbackServer Server(Func<bool> isMember, Action onDelete) => new((head, _) =>
    {
        if (head.StartsWith("DELETE", StringComparison.Ordinal))
        {
            onDelete();
            return LoopbackServer.Answer(503, "Service Unavailable", """{"errorMessages":["down"]}""");
        }

        return head.Contains("/applicationrole/", StringComparison.Ordinal)
            ? LoopbackServer.Answer(200, "OK", RoleJson)
            : LoopbackServer.Answer(200, "OK", UserJson(isMember()));
    });

    private async Task<(ProductAccessRemoval Result, List<JournalEntry> Journal)> RemoveAsync(LoopbackServer server)
    {
        using var secret = new SecureString();
        secret.AppendChar('x');
        using var http = AtlassianHttpClientFactory.Create(server.BaseAddress, ApiCredential.Basic("admin@acme.example", secret),
            new HttpClientOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(5) },
            new HttpCallStats());
        var jira = new JiraRestClient(http.Client);
        string path = Path.Combine(_folder, $"{Guid.NewGuid():N}.jsonl");
        var plan = new RemovalPlan(new RemovalRequest("ann", JiraProduct.JiraSoftware), null, [new JiraGroup("g-1", "jira-software-users")], null, null);
        ProductAccessRemoval result;
        using (var journal = RemovalJournal.Open(path, new JournalKeys(Path.Combine(_folder, "keys"))))
        {
            var roles = new ProductRoleCache(jira);
            var change = new RemovalChange(jira, roles, new RemovalPlanner(jira, roles, "acme", new ProtectionPolicy()), "acme");
            var run = new ChangeRun<RemovalRequest, RemovalPlan, ProductAccessRemoval>(change, new ChangeFuse(), 50, journal, "acme", "admin@acme.example", "run1");
            run.Begin([plan], "remove product access from");
            result = (await run.ExecuteAsync(plan, CancellationToken.None)).Result;
        }

        return (result, RemovalJournal.Read(path).Select(l => l.Entry).ToList());
    }

    [Fact]
    public async Task A_removal_that_happened_though_every_answer_failed_is_reported_Removed()
    {
        bool member = true;
        await using var server = Server(() => member, () => member = false);

        var (result, journal) = await RemoveAsync(server);

        Assert.Equal(RemovalStatus.Removed, result.Outcome);
        Assert.Equal(["jira-software-users"], result.GroupsRemoved);
        var removed = Assert.Single(journal, e => e.Event == JournalEvent.Removed);
        Assert.Contains("reading back shows the user left the group", removed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removal_that_did_not_happen_stays_Failed_and_says_so()
    {
        await using var server = Server(() => true, () => { });

        var (result, journal) = await RemoveAsync(server);

        Assert.Equal(RemovalStatus.Failed, result.Outcome);
        Assert.Empty(result.GroupsRemoved);
        Assert.Contains("the user is still in the group", result.Message, StringComparison.Ordinal);
        Assert.Contains(journal, e => e.Event == JournalEvent.RemoveFailed);
        Assert.DoesNotContain(journal, e => e.Event == JournalEvent.Removed);
    }
}
