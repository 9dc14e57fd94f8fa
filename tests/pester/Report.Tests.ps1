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
        $distinct = @($inactive.AccountId | Sort-Object -Unique).Count
        $distinct | Should -BeLessThan $inactive.Count -Because 'the sample has users inactive on both sites'
        (Get-Content $path -Raw) | Should -Match "<div class=`"card`" data-card=`"users`"><b>$distinct</b><span>inactive users \(each counted once\)</span>"
        (Get-Content $path -Raw) | Should -Match "<div class=`"card`" data-card=`"seats`"><b>$($inactive.Count)</b><span>seats a removal would free"
    }

    It 'writes nothing to the pipeline without -PassThru' {
        $inactive | Export-JiraInactivityReport (Join-Path $TestDrive 'quiet.html') | Should -BeNullOrEmpty
    }

    It 'writes Markdown for a .md file, with the summary, prices and the -Top longest inactive users' {
        $path = Join-Path $TestDrive 'report.md'
        $inactive | Export-JiraInactivityReport $path -Top 7 -PricePerSeat 8.6 -Currency EUR -Title 'Quarterly | review'
        $text = Get-Content $path
        $text[0] | Should -Be '# Quarterly \| review'
        foreach ($site in 'acme', 'acme-eu') {
            $count = @($inactive | Where-Object Site -eq $site).Count
            $month = ($count * 8.6).ToString('N2', [cultureinfo]::InvariantCulture)
            $year = ($count * 8.6 * 12).ToString('N2', [cultureinfo]::InvariantCulture)
            @($text | Where-Object { $_ -like "| Jira Software | $site | – | – | $count |*| $month EUR | $year EUR |" }).Count | Should -Be 1
        }
        $text | Should -Contain ($text | Where-Object { $_ -like 'Generated *Priced at 8.60 EUR per seat per month \(103.20 EUR a year\).' })
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
        $html | Should -Match '<td>Jira Software</td><td>acme</td><td class="n">500</td><td class="n">420</td>'
    }

    It 'reads users back from Import-Csv with their flags, groups and judgment, and carries their cells unchanged into the plan' {
        $saved = Join-Path $TestDrive 'inactive.csv'
        $inactive | Export-Csv $saved
        $rows = Import-Csv $saved
        $path = Join-Path $TestDrive 'from-csv.html'
        $rows | Export-JiraInactivityReport $path
        $data = Read-ReportData $path
        $data.rows.Count | Should -Be $rows.Count
        # "False" in a CSV cell is not a never-active user.
        (Get-Content $path -Raw) | Should -Match "data-card=`"never`"><b>$(@($inactive | Where-Object NeverActive).Count)</b>"
        (Get-Content $path -Raw) | Should -Match '<p class="meta" id="period">Inactive: no use of the product for more than 90 days.</p>'
        (Get-Content $path -Raw) | Should -Match '<tr><td>jira-software-users</td>'
        $columns = @($data.planColumns)
        # What Remove-JiraProductAccess binds by name, the sealed judgment included.
        $bound = (Get-Command Remove-JiraProductAccess).Parameters.Values | Where-Object { $_.ParameterSets.Values.ValueFromPipelineByPropertyName -contains $true } | ForEach-Object Name
        foreach ($name in 'AccountId', 'Product', 'Site', 'DisplayName', 'Email', 'Judgment') { $columns | Should -Contain $name }
        foreach ($name in $columns) { @($bound) + 'Action' | Should -Contain $name }
        for ($i = 0; $i -lt $rows.Count; $i++) {
            foreach ($c in 0..($columns.Count - 1)) {
                $index = $data.rows[$i][8][$c]
                $value = if ($index -lt 0) { '' } else { $data.planValues[$index] }
                $value | Should -BeExactly $rows[$i].($columns[$c])
            }
        }
    }
}

Describe 'The numbers of a two-site export: users once per product and site' {
    BeforeAll {
        $software = $inactive
        $service = Import-CsvExport $Sample | Get-InactiveJiraUser -Product JiraServiceManagement -MoreThan 90 -AsOf $SampleAsOf
        $both = @($software) + @($service)
        $path = Join-Path $TestDrive 'two-sites.html'
        $md = Join-Path $TestDrive 'two-sites.md'
        # Every user twice: counted once all the same.
        @($both) + @($both) | Export-JiraInactivityReport $path
        @($both) + @($both) | Export-JiraInactivityReport $md
        $html = Get-Content $path -Raw
        $text = Get-Content $md
    }

    It 'has users inactive on both sites in the sample' {
        @($software | Group-Object AccountId | Where-Object Count -eq 2).Count | Should -BeGreaterThan 0
    }

    It 'counts, per product and site, the distinct users the module emitted (<Product> on <Site>)' -ForEach @(
        @{ Product = 'JiraSoftware'; Name = 'Jira Software'; Site = 'acme' }
        @{ Product = 'JiraSoftware'; Name = 'Jira Software'; Site = 'acme-eu' }
        @{ Product = 'JiraServiceManagement'; Name = 'Jira Service Management'; Site = 'acme' }
        @{ Product = 'JiraServiceManagement'; Name = 'Jira Service Management'; Site = 'acme-eu' }
    ) {
        $users = @($both | Where-Object { $_.Product -eq $Product -and $_.Site -eq $Site })
        $count = @($users.AccountId | Sort-Object -Unique).Count
        $count | Should -BeGreaterThan 0
        $never = @($users | Where-Object NeverActive).Count
        $over = foreach ($days in 180, 365) { @($users | Where-Object { -not $_.NeverActive -and $_.DaysInactive -gt $days }).Count }
        $html | Should -Match ([regex]::Escape("<tr data-product=`"$Product`" data-site=`"$Site`"><td>$Name</td><td>$Site</td><td class=`"n`">–</td><td class=`"n`">–</td><td class=`"n`">$count</td><td class=`"n`">–</td><td class=`"n`">$(@($users | Where-Object { -not $_.NeverActive }).Count)</td><td class=`"n`">$($over[0])</td><td class=`"n`">$($over[1])</td><td class=`"n`">$never</td></tr>"))
        @($text | Where-Object { $_ -eq "| $Name | $Site | – | – | $count | – | $(@($users | Where-Object { -not $_.NeverActive }).Count) | $($over[0]) | $($over[1]) | $never |" }).Count | Should -Be 1
    }

    It 'totals the distinct users across products and sites' {
        $distinct = @($both.AccountId | Sort-Object -Unique).Count
        $html | Should -Match "<tfoot><tr class=`"total`"><td colspan=`"4`">Distinct inactive users \(each counted once\)</td><td class=`"n`">$distinct</td></tr></tfoot>"
        $html | Should -Match "data-card=`"users`"><b>$distinct</b>"
        $html | Should -Match "data-card=`"seats`"><b>$(@($both).Count)</b>"
        $text | Should -Contain "$distinct inactive users (each counted once) hold $(@($both).Count) seats (per product and site)."
    }
}

Describe 'Export-JiraInactivityReport -History' {
    It 'keeps a summary of each run and the third report draws the three runs' {
        $history = Join-Path $TestDrive 'history'
        $runs = @(
            @{ Users = @($inactive); Path = 'run1.html' }
            @{ Users = @($inactive | Select-Object -First 40); Path = 'run2.html' }
            @{ Users = @($inactive | Select-Object -First 25); Path = 'run3.html' }
        )
        foreach ($run in $runs) { $run.Users | Export-JiraInactivityReport (Join-Path $TestDrive $run.Path) -History $history }
        @(Get-ChildItem $history -Filter 'jira-inactivity-*.json').Count | Should -Be 3
        $html = Get-Content (Join-Path $TestDrive 'run3.html') -Raw
        $trend = [regex]::Match($html, '(?s)<section class="chart" id="trend">.*?</section>').Value
        $values = [regex]::Matches([regex]::Match($trend, '<g class="t-inactive".*?</g>').Value, 'data-value="(\d+)"') | ForEach-Object { [int]$_.Groups[1].Value }
        $values | Should -Be @($inactive.Count, 40, 25)
    }

    It 'warns about a file that is not a run''s summary, and draws the others' {
        $history = New-Item -ItemType Directory (Join-Path $TestDrive 'history-bad')
        Set-Content (Join-Path $history 'jira-inactivity-forged.json') '{"version":1,"generatedAt":"2026-01-01T00:00:00Z","inactiveSeats":"<script>","distinctInactiveUsers":1}'
        $warnings = $null
        $inactive | Export-JiraInactivityReport (Join-Path $TestDrive 'warned.html') -History $history -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'jira-inactivity-forged.json.*is skipped'
        (Get-Content (Join-Path $TestDrive 'warned.html') -Raw) | Should -Match '<circle [^>]*data-value="\d+"><title>[^<]*inactive seats</title></circle></g>'
    }

    It 'keeps nothing with -WhatIf' {
        $history = Join-Path $TestDrive 'history-whatif'
        $inactive | Export-JiraInactivityReport (Join-Path $TestDrive 'whatif-history.html') -History $history -WhatIf
        $history | Should -Not -Exist
    }
}

Describe 'Export-JiraInactivityReport from the API path, with seat counts and removal results' {
    BeforeAll {
        # Held but never used products are listed undated, so the last look can judge every holder (issue 21).
        $emu = Start-JiraEmulator -Users 60 -Seed 5 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
        Connect-TestEmulator $emu
        $candidates = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $SampleAsOf
        $licenses = Get-JiraProductLicense
        $results = $candidates | Remove-JiraProductAccess -Confirm:$false -MaxUsers 1000 -JournalPath (Join-Path $TestDrive 'journal.jsonl') 6>$null
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
        $html | Should -Match ('<td>Jira Software</td><td>{3}</td><td class="n">{0:N0}</td><td class="n">{1:N0}</td><td class="n">{2}</td>' -f $software.Seats, $software.UsersCounted, @($candidates).Count, $software.Site)
    }

    It 'counts the results per status and lists the skipped with their reason' {
        $expected = ($results | Group-Object { "$($_.Status)" } | Sort-Object { @('Removed', 'StillHasAccess', 'Failed', 'Skipped', 'NoAccess').IndexOf($_.Name) } | ForEach-Object { "$($_.Name): $($_.Count)" }) -join ' · '
        $removals = [regex]::Match($html, '(?s)<section class="results" id="results-removal".*?</section>').Value
        $removals | Should -Match ([regex]::Escape("<p class=`"note`">$expected</p>"))
        $removed = @($results | Where-Object Status -eq Removed).Count
        $removed | Should -BeGreaterThan 0
        $html | Should -Match "<div class=`"card`" data-card=`"freed`"><b>$removed</b><span>seats freed \(removed\)</span>"
        foreach ($skipped in $results | Where-Object Status -eq Skipped) {
            $html | Should -Match ([regex]::Escape([System.Net.WebUtility]::HtmlEncode($skipped.Message).Replace('&#39;', '&#39;')))
        }
    }

    It 'holds no secret of the connection' {
        $html | Should -Not -Match ([regex]::Escape($emu.apiToken))
        $html | Should -Not -Match ([regex]::Escape($emu.adminApiKey))
    }
}

Describe 'Export-JiraInactivityReport takes every output type of the module, or says why not' {
    BeforeAll {
        $emu = Start-JiraEmulator -Users 80 -Seed 9 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
        $connection = Connect-TestEmulator $emu -PassThru
        $candidates = @(Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $SampleAsOf)
        $plan = @($candidates | Select-Object -First 4 | Remove-JiraProductAccess -PlanOnly 6>$null)
        $removed = @($candidates | Select-Object -First 6 | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'removal.jsonl') 6>$null)
        $restored = @($removed | Where-Object Status -eq Removed | Select-Object -First 2 | Restore-JiraProductAccess -Confirm:$false 6>$null)
        $lifecycle = Join-Path $TestDrive 'suspend.jsonl'
        $suspended = @($candidates | Select-Object -Skip 10 -First 4 | Suspend-JiraUser -Force -Confirm:$false -JournalPath $lifecycle 6>$null)
        $resumed = @(Resume-JiraUser -JournalPath $lifecycle -Confirm:$false 6>$null)
        $access = @($candidates | Select-Object -First 2 | Get-JiraProductAccess -Product JiraSoftware)
        $exportUsers = @(Import-CsvExport $Sample | Select-Object -First 3)
        $file = $candidates | Export-JiraInactivityReport (Join-Path $TestDrive 'first.html') -PassThru
        $licenses = @(Get-JiraProductLicense)

        $taken = @($candidates) + $licenses + $removed + $restored + $suspended + $resumed
        $refused = @($plan) + $access + $exportUsers + @($connection, (Get-JiraAdminConnection), $file)
        $path = Join-Path $TestDrive 'everything.html'
        $errors = $null
        @($taken) + @($refused) | Export-JiraInactivityReport $path -ErrorVariable errors -ErrorAction SilentlyContinue
        $html = Get-Content $path -Raw
    }
    AfterAll {
        Disconnect-JiraAdmin
        Stop-JiraEmulator $emu
    }

    It 'had every kind of output to pipe' {
        foreach ($set in $candidates, $plan, $removed, $restored, $suspended, $resumed, $access, $licenses) { @($set).Count | Should -BeGreaterThan 0 }
        @($restored | Where-Object Status -eq Restored).Count | Should -BeGreaterThan 0
        @($suspended | Where-Object Status -eq Suspended).Count | Should -BeGreaterThan 0
    }

    It 'shows the results of <Kind> in their own section, counted per status' -ForEach @(
        @{ Kind = 'removal'; Set = 'removed' }
        @{ Kind = 'restore'; Set = 'restored' }
        @{ Kind = 'suspension'; Set = 'suspended' }
        @{ Kind = 'resumption'; Set = 'resumed' }
    ) {
        $results = Get-Variable $Set -ValueOnly
        $section = [regex]::Match($html, "(?s)<section class=`"results`" id=`"results-$Kind`".*?</section>").Value
        $section | Should -Not -BeNullOrEmpty
        foreach ($group in $results | Group-Object { "$($_.Status)" }) { $section | Should -Match ([regex]::Escape("$($group.Name): $($group.Count)")) }
        foreach ($result in $results) { $section | Should -Match ([regex]::Escape("<td>$($result.AccountId)</td>")) }
    }

    It 'gives one ReportInputNotRecognized error per object it does not show, naming what it is' {
        $errors.Count | Should -Be $refused.Count
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'ReportInputNotRecognized,JiraDeactivate.Commands.ExportJiraInactivityReportCommand' }
        $errors | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'InvalidType' }
        @($errors | ForEach-Object TargetObject) | Should -Be $refused
        "$($errors[0])" | Should -Match 'a row of a removal plan'
        "$($errors[$plan.Count + $access.Count])" | Should -Match 'pipe it through Get-InactiveJiraUser first'
    }

    It 'counts the users and seats it was given, whatever else was piped' {
        (Read-ReportData $path).rows.Count | Should -Be $candidates.Count
        $html | Should -Match "data-card=`"freed`"><b>$(@($removed | Where-Object Status -eq Removed).Count)</b>"
        $html | Should -Not -Match 'Nothing was piped'
    }
}
