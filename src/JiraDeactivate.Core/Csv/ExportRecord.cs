using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Csv;

/// <summary>One thing read from an export: a user, or a problem with part of the file.</summary>
public readonly record struct ExportRecord(JiraUserActivity? User, ExportIssue? Issue);
