using System.Text.Json.Serialization;

namespace JiraDeactivate.Core.Atlassian;

// The Admin API shapes of how a user holds a product (contract §2.6b); only the fields the module reads.

internal sealed record WorkspaceAttributesDto(string? Name, string? TypeKey, string? Type, string? Owner, string? Status, string? HostUrl);

internal sealed record WorkspaceDto(string? Id, string? Type, WorkspaceAttributesDto? Attributes);

internal sealed record WorkspacePageDto(IReadOnlyList<WorkspaceDto>? Data, LinksDto? Links);

internal sealed record WorkspaceFirstPageDto([property: JsonPropertyName("limit")] int Limit);

internal sealed record WorkspaceNextPageDto([property: JsonPropertyName("cursor")] string Cursor);

internal sealed record RoleAssignmentDto(string? Role, IReadOnlyList<string>? RoleAssignmentMethods);

internal sealed record ResourceRolesDto(string? ResourceId, string? DirectoryId, IReadOnlyList<RoleAssignmentDto>? RoleAssignments);

internal sealed record RoleAssignmentPageDto(IReadOnlyList<ResourceRolesDto>? Data, LinksDto? Links);

internal sealed record RoleChangeDto([property: JsonPropertyName("role")] string Role, [property: JsonPropertyName("resource")] string Resource);

internal sealed record GroupSearchDto(
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("resourceIds")] IReadOnlyList<string> ResourceIds,
    [property: JsonPropertyName("cursor"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cursor);

internal sealed record ManagementAccessDto(bool? Deletable, bool? Modifiable, bool? Readable);

internal sealed record AdminGroupDto(string? Id, string? Name, bool? ExternalSynced, string? ManagedBy, ManagementAccessDto? ManagementAccess);

internal sealed record AdminGroupPageDto(IReadOnlyList<AdminGroupDto>? Data, LinksDto? Links);

/// <summary>Source-generated JSON for the access-path calls.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(WorkspacePageDto))]
[JsonSerializable(typeof(WorkspaceFirstPageDto))]
[JsonSerializable(typeof(WorkspaceNextPageDto))]
[JsonSerializable(typeof(RoleAssignmentPageDto))]
[JsonSerializable(typeof(RoleChangeDto))]
[JsonSerializable(typeof(GroupSearchDto))]
[JsonSerializable(typeof(AdminGroupPageDto))]
internal sealed partial class AccessPathJsonContext : JsonSerializerContext;
