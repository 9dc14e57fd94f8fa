@{
    RootModule           = 'bin/JiraDeactivate.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0b7c43-2a5e-4d7b-9a53-1f3f3f0c9d21'
    Author               = 'JiraDeactivate contributors'
    CompanyName          = 'JiraDeactivate'
    Copyright            = '(c) JiraDeactivate contributors. MIT licence.'
    Description          = 'Find Jira Cloud users who stopped using Jira Software or Jira Service Management (from the "Export users" CSV or the Admin API) and remove their product access safely: preview with -WhatIf, protections for admins and chosen groups, a fuse on the number of users, a JSON Lines journal, verification and restore. For scripts, scheduled tasks and Azure Automation runbooks.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @('JiraDeactivate.Format.ps1xml')
    CmdletsToExport      = @(
        'Import-CsvExport'
        'Get-InactiveJiraUser'
        'Connect-JiraAdmin'
        'Disconnect-JiraAdmin'
        'Get-JiraAdminConnection'
        'Get-JiraProductLicense'
        'Remove-JiraProductAccess'
        'Get-JiraProductAccess'
        'Restore-JiraProductAccess'
        'Suspend-JiraUser'
        'Resume-JiraUser'
        'Export-JiraInactivityReport'
        'Get-JiraChangeRun'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Jira', 'JiraCloud', 'Atlassian', 'JiraSoftware', 'JiraServiceManagement', 'License', 'Licensing', 'InactiveUsers', 'UserManagement', 'Admin', 'Automation', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/jiradeactivate/JiraDeactivate'
            LicenseUri   = 'https://github.com/jiradeactivate/JiraDeactivate/blob/main/LICENSE'
            ReleaseNotes = @'
0.1.0 - first release.
- Import-CsvExport: reads Atlassian Administration's "Export users" CSV (current and older layouts), streaming.
- Get-InactiveJiraUser: one inactivity rule for the CSV and the Admin API; allows for Atlassian's 24-hour data delay; never-active users measured from the day they joined.
- Connect-JiraAdmin (credential or SecretManagement vault), Get-JiraAdminConnection, Disconnect-JiraAdmin.
- Get-JiraProductLicense and Get-JiraProductAccess: seats, and the groups that grant them.
- Remove-JiraProductAccess: removes users from the groups that grant a product, with -WhatIf, protections, a fuse (-MaxUsers), a JSON Lines journal and verification; paced by Atlassian's rate limits, with retries.
- Restore-JiraProductAccess: undoes a run from its journal or its results.
- Help for every cmdlet (Get-Help <cmdlet> -Full) and about_JiraDeactivate.
'@
        }
    }
}
