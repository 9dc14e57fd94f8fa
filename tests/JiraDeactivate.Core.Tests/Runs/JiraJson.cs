namespace JiraDeactivate.Core.Tests.Runs;

/// <summary>The Jira and Admin API bodies the engine tests answer with.</summary>
internal static class JiraJson
{
    public const string Role = """{"key":"jira-software","name":"Jira Software","groups":["jira-software-users"],"groupDetails":[{"groupId":"g-1","name":"jira-software-users"}],"defaultGroups":[],"numberOfSeats":10,"remainingSeats":5,"userCount":5}""";

    public static string User(string accountId, string type = "atlassian", params (string Id, string Name)[] groups)
    {
        string items = string.Join(",", groups.Select(g => "{\"groupId\":\"" + g.Id + "\",\"name\":\"" + g.Name + "\"}"));
        return "{\"accountId\":\"" + accountId + "\",\"accountType\":\"" + type + "\",\"active\":true,\"displayName\":\"" + accountId
            + "\",\"groups\":{\"size\":" + groups.Length + ",\"items\":[" + items + "]},\"applicationRoles\":{\"size\":0,\"items\":[]}}";
    }

    public static string DirectoryUsers(IEnumerable<(string AccountId, string Status)> users) =>
        "{\"data\":[" + string.Join(",", users.Select(u => "{\"accountId\":\"" + u.AccountId + "\",\"accountType\":\"atlassian\",\"status\":\"" + u.Status + "\",\"membershipStatus\":\""
            + (u.Status == "suspended" ? "suspended" : "active") + "\",\"name\":\"" + u.AccountId + "\"}")) + "],\"links\":{}}";

    public static string DirectoryUser(string accountId, string status, string type = "atlassian") =>
        "{\"data\":[{\"accountId\":\"" + accountId + "\",\"accountType\":\"" + type + "\",\"status\":\"" + status + "\",\"membershipStatus\":\""
        + (status == "suspended" ? "suspended" : "active") + "\",\"name\":\"" + accountId + "\"}],\"links\":{}}";

    public static string LastActive(params (string Key, DateTime Date)[] products)
    {
        string items = string.Join(",", products.Select(p => "{\"id\":\"ari:cloud:" + p.Key + "::site/cloud-1\",\"key\":\"" + p.Key + "\",\"last_active\":\"" + p.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "\"}"));
        return "{\"data\":{\"product_access\":[" + items + "],\"added_to_org\":\"2020-01-01\"},\"links\":{}}";
    }
}
