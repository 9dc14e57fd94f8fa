using System.Text.Json.Serialization;

namespace JiraDeactivate.Emulator.Admin;

// Admin API bodies. v1 is serialized snake_case (account_id, product_access), v2 camelCase (accountId).

public sealed record AdminProxyError(int Code, string Message);

public sealed record AdminApplicationError(string Id, string Status, string Code, string Title, string Detail);

public sealed record AdminApplicationErrors(IReadOnlyList<AdminApplicationError> Errors);

public sealed record AdminMessage(string Message);

/// <summary>Page links: full URLs for v1 lists, cursors for v2 and last-active-dates; absent when there is none.</summary>
public sealed record AdminLinks(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Self = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Prev = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next = null);

public sealed record AdminSelfLink(string Self);

public sealed record AdminRelatedLink(string Related);

public sealed record AdminRelationship(AdminRelatedLink Links);

public sealed record AdminOrgRelationships(AdminRelationship Domains, AdminRelationship Users);

public sealed record AdminOrgAttributes(string Name);

public sealed record AdminOrg(string Id, string Type, AdminOrgAttributes Attributes, AdminOrgRelationships Relationships, AdminSelfLink Links);

public sealed record AdminOrgPage(IReadOnlyList<AdminOrg> Data, AdminLinks Links);

public sealed record AdminOrgSingle(AdminOrg Data);

public sealed record AdminProductLastActive(
    string Id,
    string Key,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? LastActive);

public sealed record AdminLastActiveData(IReadOnlyList<AdminProductLastActive> ProductAccess, DateOnly? AddedToOrg);

public sealed record AdminLastActiveDates(AdminLastActiveData Data, AdminLinks Links);

public sealed record AdminUserProductAccess(
    string Key,
    string Name,
    string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? LastActive);

public sealed record AdminUser(
    string AccountId,
    string AccountType,
    string AccountStatus,
    string Name,
    string Picture,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    bool AccessBillable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastActive,
    IReadOnlyList<AdminUserProductAccess> ProductAccess,
    AdminSelfLink Links);

public sealed record AdminMeta(int Total);

public sealed record AdminUserPage(IReadOnlyList<AdminUser> Data, AdminMeta Meta, AdminLinks Links);

public sealed record AdminV2SearchRequest(
    string? Cursor,
    int? Limit,
    IReadOnlyList<string>? AccountIds,
    string? SearchTerm,
    IReadOnlyList<string>? Emails,
    IReadOnlyList<string>? Status,
    IReadOnlyList<string>? Expand,
    IReadOnlyList<string>? RoleIds = null);

public sealed record AdminV2ProductAccess(
    string Key,
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastActiveTimestamp);

public sealed record AdminV2Group(string Id, string Name);

public sealed record AdminV2User(
    string AccountId,
    string AccountType,
    string Status,
    string AccountStatus,
    string MembershipStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddedToOrg,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    string ClaimStatus,
    string Picture,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AdminV2ProductAccess>? ProductAccess,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AdminV2Group>? Groups,
    bool ForDeletion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? PlatformRoles = null);

public sealed record AdminV2UserPage(IReadOnlyList<AdminV2User> Data, AdminLinks Links);

public sealed record AdminV2Directory(string DirectoryId, string Name);

public sealed record AdminV2DirectoryPage(IReadOnlyList<AdminV2Directory> Data, AdminLinks Links);
