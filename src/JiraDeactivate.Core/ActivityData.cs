namespace JiraDeactivate.Core;

/// <summary>Facts about Atlassian's activity data that judging and sealing a judgment both rely on.</summary>
public static class ActivityData
{
    /// <summary>How long Atlassian's last-active dates can lag behind: data "as of" a time covers activity up to a day before it.</summary>
    public static readonly TimeSpan ReportingLag = TimeSpan.FromHours(24);
}
