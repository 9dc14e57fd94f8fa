namespace JiraDeactivate;

/// <summary>
/// The activity IDs of the module's progress bars, in one place: PowerShell shows one bar per ID, so two activities
/// that may run in one pipeline (reading an export, then removing access) need different IDs.
/// </summary>
internal static class ProgressIds
{
    public const int ExportReading = 1;
    public const int ApiActivity = 2;
    public const int Removal = 3;
    public const int Restore = 4;
    public const int Lifecycle = 5;
    public const int ProductAccess = 6;
}
