# Export-JiraInactivityReport against the built module: what the pipeline gives ends up in the file (HTML or Markdown),
# Export-Csv's file conventions, and the API path with seat counts and removal results from the emulator.
# The page's behaviour in a browser is tested in xunit (tests/JiraDeactivate.Core.Tests/Reports).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    function Read-ReportData([string] $Path) {
        # The users table's JSON, as the page's script reads it.
        $html = Get-Content -LiteralPath $Path -Raw
        $match = [regex]::Match($html, '(?s)<script type="application/json" id="report-data">(.*?)</script>')
        $match.Success | Should -BeTrue -Because 'the report embeds its users as JSON'
        $match.Groups[1].Value | ConvertFrom-Json -NoEnumerate
    }

    $inactive = Import-CsvExport $Sample | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $SampleAsOf
}

Describe 'Export-JiraInactivityReport from the CSV path' {
    It 'writes every inactive user into the HTML report and returns the file with -PassThru' {
        $path = Join-Path $TestDrive 'report.html'
        $file = $inactive | Export-JiraInactivityReport -Path $path -PassThru
        $file | Should -BeOfType [System.IO.FileInfo]
        $file.FullName | Should -Be $path
        $data = Read-ReportData $path
        $data.rows.Count | Should -Be $inactive.Count
        @($data.rows | ForEach-Object { $_[7] }) | Should -Be @($inactive.AccountId)
        @($data.rows | ForEach-Object { $_[0] }) | Should -Be @($inactive.DisplayName)
        (Get-Content $path -Raw) | Should -Match "<div class=`"card`"><b>$($inactive.Count)</b><span>inactive users</span>"
    }

    It 'writes nothing to the pipeline without -PassThru' {
        $inactive | Export-JiraInactivityReport (Join-Path $TestDrive 'quiet.html') | Should -BeNullOrEmpty
    }

    It 'writes Markdown for a .md file, with the summary, prices and the -Top longest inactive users' {
        $path = Join-Path $TestDrive 'report.md'
        $inactive | Export-JiraInactivityReport $path -Top 7 -PricePerSeat 8.6 -Currency EUR -Title 'Quarterly | review'
        $text = Get-Content $path
        $text[0] | Should -Be '# Quarterly \| review'
        $cost = ($inactive.Count * 8.6).ToString('N2', [cultureinfo]::InvariantCulture)
        $text | Should -Contain ($text | Where-Object { $_ -like "| Jira Software |*| $($inactive.Count) | $cost EUR |" })
        $users = $text | Where-Object { $_ -match '^\| .* \| Csv \| ' }
        $users.Count | Should -Be 7
        $longest = $inactive | Sort-Object DaysInactive -Descending | Select-Object -First 1
        $users[0] | Should -BeLike "*| $($longest.DaysInactive.ToString('N0', [cultureinfo]::InvariantCulture)) | Csv | $($longest.AccountId) |"
    }

    It '-Format overrides the extension' {
        $path = Join-Path $TestDrive 'report.txt'
        $inactive | Export-JiraInactivityReport $path -Format Markdown
        (Get-Content $path -TotalCount 1) | Should -Be '# Jira inactivity report'
        $inactive | Export-JiraInactivityReport $path -Format Html
        (Get-Content $path -TotalCount 1) | Should -Be '<!DOCTYPE html>'
    }

    It 'resolves a relative path against the PowerShell location, not the process''s' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'relative')
        Push-Location $folder
        try { $inactive | Select-Object -First 3 | Export-JiraInactivityReport ./here.html }
        finally { Pop-Location }
        Join-Path $folder 'here.html' | Should -Exist
    }

    It 'keeps an existing file with -NoClobber and overwrites it otherwise' {
        $path = Join-Path $TestDrive 'existing.html'
        Set-Content $path 'keep me'
        { $inactive | Export-JiraInactivityReport $path -NoClobber } | Should -Throw -ErrorId 'ReportFileExists,JiraDeactivate.Commands.ExportJiraInactivityReportCommand'
        Get-Content $path | Should -Be 'keep me'
        $inactive | Export-JiraInactivityReport $path
        (Get-Content $path -TotalCount 1) | Should -Be '<!DOCTYPE html>'
    }

    It 'overwrites a read-only file with -Force' {
        $path = Join-Path $TestDrive 'readonly.html'
        Set-Content $path 'old'
        Set-ItemProperty $path -Name IsReadOnly -Value $true
        $inactive | Export-JiraInactivityReport $path -Force
        (Get-Content $path -TotalCount 1) | Should -Be '<!DOCTYPE html>'
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.html'
        $inactive | Export-JiraInactivityReport $path -WhatIf
        $path | Should -Not -Exist
    }

    It 'stops with <Id> when <Case>' -ForEach @(
        @{ Case = 'the folder does not exist'; Target = 'no-such-folder/report.html'; Id = 'ReportFolderNotFound' }
        @{ Case = 'the path is a folder'; Target = '.'; Id = 'ReportPathIsFolder' }
    ) {
        Push-Location $TestDrive
        try { { $inactive | Export-JiraInactivityReport $Target } | Should -Throw -ErrorId "$Id,JiraDeactivate.Commands.ExportJiraInactivityReportCommand" }
        finally { Pop-Location }
    }

    It 'reports input it does not know as an error and still writes the rest' {
        $path = Join-Path $TestDrive 'mixed.html'
        $errors = $null
        @($inactive[0], 'a string', 42) | Export-JiraInactivityReport $path -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -Be 'ReportInputNotRecognized,JiraDeactivate.Commands.ExportJiraInactivityReportCommand'
        (Read-ReportData $path).rows.Count | Should -Be 1
    }

    It 'takes objects by their properties: users read back with Import-Clixml and results of other actions' {
        $saved = Join-Path $TestDrive 'inactive.xml'
        $inactive | Export-Clixml $saved
        $suspension = [pscustomobject]@{ AccountId = 'acc-1'; DisplayName = 'Suspended <One>'; Product = 'JiraSoftware'; Status = 'Suspended'; Message = 'suspended by a later action' }
        $license = [pscustomobject]@{ Product = 'JiraSoftware'; Site = 'acme'; Seats = 500; UsersCounted = 420; Unlimited = $false }
        $path = Join-Path $TestDrive 'by-property.html'
        @(Import-Clixml $saved) + $suspension + $license | Export-JiraInactivityReport $path
        $html = Get-Content $path -Raw
        (Read-ReportData $path).rows.Count | Should -Be $inactive.Count
        $html | Should -Match '<p class="note">Suspended: 1</p>'
        $html | Should -Match 'Suspended &lt;One&gt;'
        $html | Should -Match '<td>Jira Software</td><td class="n">500</td><td class="n">420</td>'
    }
}

Describe 'Export-JiraInactivityReport from the API path, with seat counts and removal results' {
    BeforeAll {
        # Held but never used products are listed undated, so the last look can judge every holder (issue 21).
        $emu = Start-JiraEmulator -Users 60 -Seed 5 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
        Connect-TestEmulator $emu
        $candidates = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $SampleAsOf
        $licenses = Get-JiraProductLicense
        $results = $candidates | Remove-JiraProductAccess -Confirm:$false -MaxUsers 1000 -JournalPath (Join-Path $TestDrive 'journal.jsonl')
        $path = Join-Path $TestDrive 'api.html'
        @($candidates) + @($licenses) + @($results) | Export-JiraInactivityReport $path -PricePerSeat 10
        $html = Get-Content $path -Raw
    }
    AfterAll {
        Disconnect-JiraAdmin
        Stop-JiraEmulator $emu
    }

    It 'lists the API users, with Source Api' {
        $data = Read-ReportData $path
        $data.rows.Count | Should -Be @($candidates).Count
        $data.sources | Should -Be @('Api')
    }

    It 'shows the seats and users counted that Get-JiraProductLicense gave for Jira Software' {
        $software = $licenses | Where-Object Product -eq 'JiraSoftware'
        $html | Should -Match ('<td>Jira Software</td><td class="n">{0:N0}</td><td class="n">{1:N0}</td><td class="n">{2}</td>' -f $software.Seats, $software.UsersCounted, @($candidates).Count)
    }

    It 'counts the results per status and lists the skipped with their reason' {
        $expected = ($results | Group-Object { "$($_.Status)" } | Sort-Object { @('Removed', 'StillHasAccess', 'Failed', 'Skipped', 'NoAccess').IndexOf($_.Name) } | ForEach-Object { "$($_.Name): $($_.Count)" }) -join ' · '
        $html | Should -Match ([regex]::Escape("<p class=`"note`">$expected</p>"))
        $removed = @($results | Where-Object Status -eq Removed).Count
        $removed | Should -BeGreaterThan 0
        $html | Should -Match "<div class=`"card`"><b>$removed</b><span>seats freed \(removed\)</span>"
        foreach ($skipped in $results | Where-Object Status -eq Skipped) {
            $html | Should -Match ([regex]::Escape([System.Net.WebUtility]::HtmlEncode($skipped.Message).Replace('&#39;', '&#39;')))
        }
    }

    It 'holds no secret of the connection' {
        $html | Should -Not -Match ([regex]::Escape($emu.apiToken))
        $html | Should -Not -Match ([regex]::Escape($emu.adminApiKey))
    }
}
