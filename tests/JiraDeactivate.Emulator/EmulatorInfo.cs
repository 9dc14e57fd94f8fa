namespace JiraDeactivate.Emulator;

/// <summary>What a client needs to reach a running emulator; printed as the one JSON line on stdout.</summary>
public sealed record EmulatorInfo(
    string SiteUrl,
    string AdminApiUrl,
    string ControlUrl,
    string Email,
    string ApiToken,
    string AdminApiKey,
    string OrgId,
    string CloudId,
    string SiteName,
    string NonAdminEmail,
    string NonAdminApiToken,
    int Pid);
