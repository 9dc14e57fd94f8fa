using System.Text.Json.Serialization;

namespace JiraDeactivate.Core.Atlassian;

// The Jira Cloud REST API v3 shapes the module reads (only the fields it uses).

internal sealed record GroupNameDto(
    [property: JsonPropertyName("groupId")] string? GroupId,
    [property: JsonPropertyName("name")] string Name);

internal sealed record ApplicationRoleDto(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("groups")] string[]? Groups,
    [property: JsonPropertyName("groupDetails")] GroupNameDto[]? GroupDetails,
    [property: JsonPropertyName("defaultGroups")] string[]? DefaultGroups,
    [property: JsonPropertyName("defaultGroupsDetails")] GroupNameDto[]? DefaultGroupsDetails,
    [property: JsonPropertyName("numberOfSeats")] int NumberOfSeats,
    [property: JsonPropertyName("remainingSeats")] int RemainingSeats,
    [property: JsonPropertyName("userCount")] int UserCount,
    [property: JsonPropertyName("userCountDescription")] string? UserCountDescription,
    [property: JsonPropertyName("hasUnlimitedSeats")] bool HasUnlimitedSeats);

internal sealed record UserDetailsDto(
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("accountType")] string? AccountType,
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("emailAddress")] string? EmailAddress);

internal sealed record GroupMemberPageDto(
    [property: JsonPropertyName("isLast")] bool IsLast,
    [property: JsonPropertyName("startAt")] int StartAt,
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("nextPage")] string? NextPage,
    [property: JsonPropertyName("values")] UserDetailsDto[]? Values);

internal sealed record GroupPageDto(
    [property: JsonPropertyName("isLast")] bool IsLast,
    [property: JsonPropertyName("values")] GroupNameDto[]? Values);

internal sealed record ItemsDto<T>(
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("items")] T[]? Items);

internal sealed record ApplicationRoleKeyDto(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("name")] string? Name);

internal sealed record JiraUserDto(
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("accountType")] string? AccountType,
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("emailAddress")] string? EmailAddress,
    [property: JsonPropertyName("groups")] ItemsDto<GroupNameDto>? Groups,
    [property: JsonPropertyName("applicationRoles")] ItemsDto<ApplicationRoleKeyDto>? ApplicationRoles);

internal sealed record PermissionDto(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("havePermission")] bool HavePermission);

internal sealed record MyPermissionsDto(
    [property: JsonPropertyName("permissions")] Dictionary<string, PermissionDto>? Permissions);

internal sealed record ServerInfoDto(
    [property: JsonPropertyName("baseUrl")] string? BaseUrl,
    [property: JsonPropertyName("serverTitle")] string? ServerTitle,
    [property: JsonPropertyName("deploymentType")] string? DeploymentType);

internal sealed record TenantInfoDto(
    [property: JsonPropertyName("cloudId")] string? CloudId);

internal sealed record AddUserToGroupDto(
    [property: JsonPropertyName("accountId")] string AccountId);
