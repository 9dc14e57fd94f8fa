using System.Globalization;
using System.Text.Json;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>One entry of the Admin API's API key or API token inventory: what it is and when it expires.</summary>
public sealed record CredentialExpiry(string Kind, string? Name, string? AccountId, DateTimeOffset ExpiresAt);

/// <summary>
/// The organization's API keys and its managed accounts' API tokens with their expiry dates
/// (GET /admin/api-access/v1/orgs/{orgId}/api-keys and …/api-tokens, contract §1.3). Only the first page is read;
/// entries without a readable <c>expiresAt</c> are left out.
/// </summary>
public static class CredentialInventory
{
    public static async Task<IReadOnlyList<CredentialExpiry>> ReadAsync(HttpClient client, string organizationId, string list, CancellationToken cancellationToken)
    {
        var caller = new ApiCaller(client, AtlassianApi.Admin);
        string path = $"/admin/api-access/v1/orgs/{Uri.EscapeDataString(organizationId)}/{list}";
        using var response = await caller.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        await caller.EnsureSuccessAsync(response, "GET", path, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new AtlassianApiException(AtlassianApi.Admin, "GET", path, response.StatusCode, "the answer has no list (data).");
            }

            var entries = new List<CredentialExpiry>();
            foreach (var item in data.EnumerateArray())
            {
                if (Text(item, "expiresAt") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt))
                {
                    entries.Add(new CredentialExpiry(list == "api-keys" ? "API key" : "API token", Text(item, "name") ?? Text(item, "label"), Text(item, "accountId"), expiresAt));
                }
            }

            return entries;
        }
        catch (JsonException e)
        {
            throw new AtlassianApiException(AtlassianApi.Admin, "GET", path, response.StatusCode, "the answer was not JSON.", e);
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
