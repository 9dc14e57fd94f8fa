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
