namespace JiraDeactivate.Emulator.Http;

/// <summary>Which API a request path belongs to; decides the error dialect and whether faults apply.</summary>
internal enum ApiArea
{
    Jira,
    Admin,
    Control,
}

internal static class ApiAreas
{
    public const string ControlPrefix = "/_emulator";

    public static ApiArea Of(PathString path) =>
        path.StartsWithSegments(ControlPrefix, StringComparison.OrdinalIgnoreCase) ? ApiArea.Control
        : path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) ? ApiArea.Admin
        : ApiArea.Jira;
}
