using System.Text.Json.Serialization;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>Source-generated JSON for every Atlassian shape: no reflection at run time.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ApplicationRoleDto))]
[JsonSerializable(typeof(ApplicationRoleDto[]))]
[JsonSerializable(typeof(GroupMemberPageDto))]
[JsonSerializable(typeof(GroupPageDto))]
[JsonSerializable(typeof(JiraUserDto))]
[JsonSerializable(typeof(MyPermissionsDto))]
[JsonSerializable(typeof(ServerInfoDto))]
[JsonSerializable(typeof(TenantInfoDto))]
[JsonSerializable(typeof(AddUserToGroupDto))]
[JsonSerializable(typeof(OrgPageDto))]
[JsonSerializable(typeof(LastActiveDatesDto))]
[JsonSerializable(typeof(OrgSingleDto))]
[JsonSerializable(typeof(UserSearchRequestDto))]
[JsonSerializable(typeof(UserSearchPageDto))]
internal sealed partial class AtlassianJsonContext : JsonSerializerContext;
