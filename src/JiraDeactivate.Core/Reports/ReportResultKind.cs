namespace JiraDeactivate.Core.Reports;

/// <summary>Which action a result comes from: each has its own section of the report.</summary>
public enum ReportResultKind
{
    Removal,
    Restore,
    Suspension,
    Resumption,
    Other,
}
