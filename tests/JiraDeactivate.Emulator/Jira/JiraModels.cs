using System.Text.Json.Serialization;

namespace JiraDeactivate.Emulator.Jira;

// Jira Cloud REST v3 bodies, properties in the order of the published examples (camelCase on the wire).

public sealed record JiraErrorCollection(IReadOnlyList<string> ErrorMessages, IReadOnlyDictionary<string, string> Errors);

public sealed record JiraUnauthorized(string Message, [property: JsonPropertyName("status-code")] int StatusCode);

public sealed record JiraAvatarUrls(
    [property: JsonPropertyName("48x48")] string Size48,
    [property: JsonPropertyName("24x24")] string Size24,
    [property: JsonPropertyName("16x16")] string Size16,
    [property: JsonPropertyName("32x32")] string Size32);

public sealed record JiraUserDetails(
    string AccountId,
    string AccountType,
    bool Active,
    JiraAvatarUrls AvatarUrls,
    string DisplayName,
    string? EmailAddress,
    string Key,
    string Name,
    string Self,
    string TimeZone);

public sealed record JiraItemList(int Size, IReadOnlyList<object> Items);

public sealed record JiraUser(
    string Self,
    string AccountId,
    string AccountType,
    string? EmailAddress,
    JiraAvatarUrls AvatarUrls,
    string DisplayName,
    bool Active,
    string TimeZone,
    string Locale,
    JiraItemList Groups,
    JiraItemList ApplicationRoles,
    string Expand);

public sealed record JiraGroupName(string GroupId, string Name, string Self);

public sealed record JiraGroupSummary(string GroupId, string Name);

public sealed record JiraApplicationRoleSummary(string Key, string Name);

public sealed record JiraApplicationRole(
    IReadOnlyList<string> DefaultGroups,
    IReadOnlyList<JiraGroupName> DefaultGroupsDetails,
    bool Defined,
    IReadOnlyList<JiraGroupName> GroupDetails,
    IReadOnlyList<string> Groups,
    bool HasUnlimitedSeats,
    string Key,
    string Name,
    int NumberOfSeats,
    bool Platform,
    int RemainingSeats,
    bool SelectedByDefault,
    int UserCount,
    string UserCountDescription);

/// <summary>Jira's offset page (PageBean): loop until isLast; nextPage only when there is more.</summary>
public sealed record JiraPage<T>(
    bool IsLast,
    int MaxResults,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextPage,
    string Self,
    int StartAt,
    int Total,
    IReadOnlyList<T> Values);

public sealed record JiraGroupUsers(
    int Size,
    IReadOnlyList<object> Items,
    [property: JsonPropertyName("max-results")] int MaxResults,
    [property: JsonPropertyName("start-index")] int StartIndex,
    [property: JsonPropertyName("end-index")] int EndIndex);

public sealed record JiraGroup(string Name, string GroupId, string Self, JiraGroupUsers Users, string Expand);

public sealed record JiraPermission(string Id, string Key, string Name, string Type, string Description, bool HavePermission);

public sealed record JiraPermissions(IReadOnlyDictionary<string, JiraPermission> Permissions);

public sealed record JiraTenantInfo(string CloudId);

/// <summary>GET serverInfo: a Cloud site reports its own atlassian.net address, whatever address it was reached at.</summary>
public sealed record JiraServerInfo(string BaseUrl, string ServerTitle, string DeploymentType);

public sealed record JiraAddUserRequest(string? AccountId);
