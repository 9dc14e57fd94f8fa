using System.Text.Json.Serialization;

namespace JiraDeactivate.Core.Atlassian;

internal sealed record LifecycleDirectoryDto(string? DirectoryId, string? Id, string? Name);

internal sealed record LifecycleDirectoryPageDto(IReadOnlyList<LifecycleDirectoryDto>? Data);

internal sealed record LifecycleProductAccessDto(string? Key, string? Id, string? LastActiveTimestamp);

internal sealed record LifecycleUserDto(
    string? AccountId,
    string? AccountType,
    string? Status,
    string? AccountStatus,
    string? MembershipStatus,
    string? Name,
    string? Email,
    IReadOnlyList<LifecycleProductAccessDto>? ProductAccess);

internal sealed record LifecycleUserPageDto(IReadOnlyList<LifecycleUserDto>? Data);

internal sealed record LifecycleSearchDto(
    [property: JsonPropertyName("accountIds")] IReadOnlyList<string> AccountIds,
    [property: JsonPropertyName("expand")] IReadOnlyList<string> Expand,
    [property: JsonPropertyName("limit")] int Limit);

internal sealed record EmptyBodyDto;

/// <summary>Source-generated JSON for the v2 user lifecycle calls (suspend, restore, a user's status).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(LifecycleDirectoryPageDto))]
[JsonSerializable(typeof(LifecycleUserPageDto))]
[JsonSerializable(typeof(LifecycleSearchDto))]
[JsonSerializable(typeof(EmptyBodyDto))]
internal sealed partial class AdminLifecycleJsonContext : JsonSerializerContext;
