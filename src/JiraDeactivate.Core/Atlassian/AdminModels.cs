using System.Text.Json.Serialization;

namespace JiraDeactivate.Core.Atlassian;

// The organization Admin API shapes the module reads (only the fields it uses).

internal sealed record LinksDto(
    [property: JsonPropertyName("next")] string? Next);

internal sealed record OrgAttributesDto(
    [property: JsonPropertyName("name")] string? Name);

internal sealed record OrgDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("attributes")] OrgAttributesDto? Attributes);

internal sealed record OrgPageDto(
    [property: JsonPropertyName("data")] OrgDto[]? Data,
    [property: JsonPropertyName("links")] LinksDto? Links);

internal sealed record ProductAccessDto(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("last_active")] string? LastActive,
    [property: JsonPropertyName("last_active_timestamp")] string? LastActiveTimestamp);

internal sealed record LastActiveDataDto(
    [property: JsonPropertyName("product_access")] ProductAccessDto[]? ProductAccess,
    [property: JsonPropertyName("added_to_org")] string? AddedToOrg,
    [property: JsonPropertyName("added_to_org_timestamp")] string? AddedToOrgTimestamp);

internal sealed record LastActiveDatesDto(
    [property: JsonPropertyName("data")] LastActiveDataDto? Data,
    [property: JsonPropertyName("links")] LinksDto? Links);

internal sealed record OrgSingleDto(
    [property: JsonPropertyName("data"), JsonConverter(typeof(OneOrManyJsonConverter<OrgDto>))] OrgDto[]? Data);

internal sealed record UserSearchRequestDto(
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("cursor"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cursor,
    [property: JsonPropertyName("expand"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? Expand,
    [property: JsonPropertyName("roleIds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? RoleIds,
    [property: JsonPropertyName("accountIds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? AccountIds = null);

internal sealed record SearchProductAccessDto(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("lastActiveTimestamp")] string? LastActiveTimestamp);

internal sealed record SearchUserDto(
    [property: JsonPropertyName("accountId")] string? AccountId,
    [property: JsonPropertyName("accountType")] string? AccountType,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("accountStatus")] string? AccountStatus,
    [property: JsonPropertyName("membershipStatus")] string? MembershipStatus,
    [property: JsonPropertyName("addedToOrg")] string? AddedToOrg,
    [property: JsonPropertyName("productAccess")] SearchProductAccessDto[]? ProductAccess,
    [property: JsonPropertyName("platformRoles")] string[]? PlatformRoles,
    [property: JsonPropertyName("email")] string? Email = null,
    [property: JsonPropertyName("name")] string? Name = null);

internal sealed record UserSearchPageDto(
    [property: JsonPropertyName("data")] SearchUserDto[]? Data,
    [property: JsonPropertyName("links")] LinksDto? Links);
