using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Sessions;

/// <summary>
/// When the connection's credentials expire, where the Admin API can tell: the connected account's API tokens
/// (matched by account ID) and the organization's API keys. The key inventory does not say which key this
/// connection uses, so the soonest one is reported as "an API key of the organization".
/// </summary>
public static class ExpiryCheck
{
    /// <summary>How long before expiry the user is warned.</summary>
    public static readonly TimeSpan WarnWithin = TimeSpan.FromDays(14);

    public static async Task<(DateTimeOffset? Token, DateTimeOffset? Key, string? KeyName)> ReadAsync(HttpClient admin, string organizationId, string? accountId, List<string> notes, CancellationToken cancellationToken)
    {
        DateTimeOffset? token = null;
        DateTimeOffset? key = null;
        string? keyName = null;
        try
        {
            var keys = await CredentialInventory.ReadAsync(admin, organizationId, "api-keys", cancellationToken).ConfigureAwait(false);
            var soonest = keys.MinBy(k => k.ExpiresAt);
            (key, keyName) = (soonest?.ExpiresAt, soonest?.Name);
        }
        catch (AtlassianApiException e)
        {
            notes.Add($"The API key expiry dates could not be read from the Admin API: {e.Message}");
        }

        if (accountId is not null)
        {
            try
            {
                var tokens = await CredentialInventory.ReadAsync(admin, organizationId, "api-tokens", cancellationToken).ConfigureAwait(false);
                token = tokens.Where(t => string.Equals(t.AccountId, accountId, StringComparison.Ordinal)).MinBy(t => t.ExpiresAt)?.ExpiresAt;
            }
            catch (AtlassianApiException e)
            {
                notes.Add($"The API token expiry dates could not be read from the Admin API: {e.Message}");
            }
        }

        return (token, key, keyName);
    }

    /// <summary>The warnings for credentials that expire within <see cref="WarnWithin"/> of <paramref name="now"/>.</summary>
    public static IEnumerable<string> Warnings(JiraAdminConnection connection, DateTimeOffset now)
    {
        if (connection.ApiTokenExpiresAt is { } token && token - now < WarnWithin)
        {
            yield return token <= now
                ? $"An API token of {connection.User ?? connection.DisplayName} expired on {token:yyyy-MM-dd}: create a new one before the next run."
                : $"An API token of {connection.User ?? connection.DisplayName} expires on {token:yyyy-MM-dd HH:mm} UTC (in {Days(token - now)}): create a new one and update the task's secret before then.";
        }

        if (connection.AdminApiKeyExpiresAt is { } key && key - now < WarnWithin)
        {
            string name = connection.AdminApiKeyName is { Length: > 0 } n ? $" ('{n}')" : string.Empty;
            yield return $"An API key of organization {connection.OrganizationName ?? connection.OrganizationId}{name} expires on {key:yyyy-MM-dd HH:mm} UTC (in {Days(key - now)}): if it is the key of this connection, create a new one before then.";
        }
    }

    private static string Days(TimeSpan left) => left.TotalDays >= 1 ? $"{(int)left.TotalDays} days" : $"{Math.Max(0, (int)left.TotalHours)} hours";
}
