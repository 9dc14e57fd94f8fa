# The review loop inside the report (issue 27): in headless Chromium a reviewer unticks users in the HTML report and
# downloads the plan; Remove-JiraProductAccess then removes exactly the rows left, checked in the emulator's state.
# Chromium is driven by the xunit project's HeadlessChromium (built with the solution before the tests run).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $driver = Get-ChildItem (Join-Path $RepoRoot 'tests/JiraDeactivate.Core.Tests/bin') -Recurse -Filter 'JiraDeactivate.Core.Tests.dll' |
        Where-Object FullName -Match '[\\/]Release[\\/]' | Select-Object -First 1
    if (-not $driver) { throw 'The browser driver is built with the solution: run dotnet build JiraDeactivate.sln -c Release (./build.ps1 Test does).' }
    Add-Type -Path $driver.FullName
    $emu = Start-JiraEmulator -Users 60 -Seed 21 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
    Connect-TestEmulator $emu
    $browser = [JiraDeactivate.Core.Tests.Reports.HeadlessChromium]::new()
}
AfterAll {
    if ($browser) { $browser.Dispose() }
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'Deciding in the report: untick, download, remove' {
    It 'removes exactly the rows the reviewer left ticked, grants nothing and keeps the unticked users'' access' {
        $inactive = @(Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $SampleAsOf)
        $inactive.Count | Should -BeGreaterThan 8
        $report = Join-Path $TestDrive 'review.html'
        $inactive | Export-JiraInactivityReport $report
        $downloads = New-Item -ItemType Directory (Join-Path $TestDrive 'downloads')

        $browser.Open($report, $false)
        $browser.AllowDownloads($downloads.FullName)
        $keep = 0, 3, 4, 7
        foreach ($row in $keep) { $browser.Evaluate("document.querySelector('#rows input[data-row=`"$row`"]').click()") | Out-Null }
        "$($browser.Evaluate("document.getElementById('selected').textContent"))" | Should -Be "$($inactive.Count - $keep.Count) of $($inactive.Count) ticked"
        $browser.Evaluate("document.getElementById('download').click()") | Out-Null
        $file = Join-Path $downloads "$($browser.Evaluate("JSON.parse(document.getElementById('report-data').textContent).planFile"))"
        $browser.WaitForDownload($file)
        $browser.Exceptions.Count + $browser.LogErrors.Count | Should -Be 0

        $kept = @($keep | ForEach-Object { $inactive[$_] })
        $left = @($inactive | Where-Object { $_.AccountId -notin $kept.AccountId })
        $rows = @(Import-Csv $file)
        @($rows.AccountId) | Should -Be @($left.AccountId)
        # The sealed judgment travels unchanged, as the input objects had it.
        @($rows.Judgment) | Should -Be @($left.Judgment)
        @($rows.Judgment | Where-Object { -not $_ }) | Should -BeNullOrEmpty

        $before = Get-EmulatorMembership $emu
        $results = @($rows | Remove-JiraProductAccess -Confirm:$false -MaxUsers 1000 -JournalPath (Join-Path $TestDrive 'review.jsonl') 6>$null)
        $after = Get-EmulatorMembership $emu

        @($results.AccountId | Sort-Object) | Should -Be @($left.AccountId | Sort-Object)
        $removed = @($results | Where-Object Status -eq Removed)
        $removed.Count | Should -BeGreaterThan 0
        @($after | Where-Object { $_ -notin $before }) | Should -BeNullOrEmpty -Because 'a removal grants nothing'
        $lost = @($before | Where-Object { $_ -notin $after })
        @($lost | ForEach-Object { ($_ -split '\|', 2)[1] } | Sort-Object -Unique) | Should -Be @($removed.AccountId | Sort-Object -Unique)
        foreach ($user in $kept) { @($before -like "*|$($user.AccountId)") | Should -Be @($after -like "*|$($user.AccountId)") -Because "$($user.AccountId) was unticked" }
    }
}
