@{
    RootModule           = 'JiraDeactivate.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0b7c43-2a5e-4d7b-9a53-1f3f3f0c9d21'
    Author               = 'JiraDeactivate contributors'
    CompanyName          = 'JiraDeactivate'
    Copyright            = '(c) JiraDeactivate contributors. MIT licence.'
    Description          = 'Find Jira Cloud users who stopped using Jira Software or Jira Service Management (from the "Export users" CSV or the Admin API) and remove their product access safely: preview, protections, a journal and restore.'
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
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Jira', 'Atlassian', 'JiraCloud', 'License', 'Licensing', 'InactiveUsers', 'Admin', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/jiradeactivate/JiraDeactivate'
            LicenseUri   = 'https://github.com/jiradeactivate/JiraDeactivate/blob/main/LICENSE'
            ReleaseNotes = 'First release: Import-CsvExport and Get-InactiveJiraUser.'
        }
    }
}
