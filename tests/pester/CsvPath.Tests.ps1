BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $header = 'User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Jira - acme'

    # The rule written independently in PowerShell, over Import-Csv: what an admin would script by hand.
    function Get-ExpectedInactive([string] $Path, [string] $Label, [int] $Days, [datetime] $AsOf) {
        $culture = [System.Globalization.CultureInfo]::InvariantCulture
        $dataDate = $AsOf.AddHours(-24).Date
        foreach ($row in Import-Csv $Path) {
            if ($row.'User status' -ne 'Active') { continue }
            foreach ($column in $row.PSObject.Properties.Name -match "^Last seen in $Label - ") {
                $site = $column -replace "^Last seen in $Label - ", ''
                if ($row."$Label - $site" -ne 'User') { continue }
                $seen = $row.$column
                $inactive = if ($seen -eq 'Never accessed') {
                    ($AsOf.Date - [datetime]::ParseExact($row.'Added to org', 'd MMM yyyy', $culture)).Days -gt $Days
                } else {
                    ($dataDate - [datetime]::ParseExact($seen, 'd MMM yyyy', $culture)).Days -gt $Days
                }
                if ($inactive) { "$($row.'User id')|$site" }
            }
        }
    }
}

Describe 'Import-CsvExport | Get-InactiveJiraUser (the README pipeline)' {
    It 'finds exactly the users an independent Import-Csv script finds, for <Product> over <Days> days' -ForEach @(
        @{ Product = 'JiraSoftware'; Label = 'Jira'; Days = 90 }
        @{ Product = 'JiraSoftware'; Label = 'Jira'; Days = 365 }
        @{ Product = 'JiraServiceManagement'; Label = 'Jira Service Management'; Days = 30 }
    ) {
        $actual = Import-CsvExport $Sample | Get-InactiveJiraUser -Product $Product -MoreThan $Days -AsOf $SampleAsOf |
            ForEach-Object { "$($_.AccountId)|$($_.Site)" } | Sort-Object
        $expected = Get-ExpectedInactive $Sample $Label $Days $SampleAsOf | Sort-Object
        $actual.Count | Should -BeGreaterThan 10
        $actual | Should -Be $expected
    }

    It 'emits typed objects with the documented properties and Source Csv' {
        $first = Import-CsvExport $Sample | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $SampleAsOf | Select-Object -First 1
        $first.GetType().FullName | Should -Be 'JiraDeactivate.Core.Inactivity.InactiveJiraUser'
        foreach ($name in 'AccountId', 'DisplayName', 'Email', 'Product', 'Site', 'LastActive', 'DaysInactive', 'NeverActive', 'AddedToOrg', 'Source') {
            $first.PSObject.Properties.Name | Should -Contain $name
        }
        $first.Source | Should -Be 'Csv'
    }

    It 'shows a table view by default' {
        $text = Import-CsvExport $Sample | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $SampleAsOf | Select-Object -First 3 | Out-String -Width 200
        $text | Should -Match 'DisplayName\s+LastActive\s+DaysInactive\s+Product\s+Site\s+Email'
    }

    It 'skips suspended and deactivated accounts unless asked, and honours -Exclude wildcards' {
        $path = New-TestExport @"
$header
a1,Ann,ann@acme.example,Active,1 Jan 2020,,1 Jan 2024,User
a2,Bob,bob@contractor.example,Active,1 Jan 2020,,1 Jan 2024,User
a3,Cid,cid@acme.example,Suspended,1 Jan 2020,,1 Jan 2024,User
a4,Dee,dee@acme.example,Deactivated,1 Jan 2020,,1 Jan 2024,User
"@
        (Import-CsvExport $path | Get-InactiveJiraUser JiraSoftware 30 -AsOf $SampleAsOf).AccountId | Should -Be @('a1', 'a2')
        (Import-CsvExport $path | Get-InactiveJiraUser JiraSoftware 30 -AsOf $SampleAsOf -Exclude '*@CONTRACTOR.example').AccountId | Should -Be @('a1')
        (Import-CsvExport $path | Get-InactiveJiraUser JiraSoftware 30 -AsOf $SampleAsOf -IncludeSuspended -IncludeDeactivated).AccountId | Should -Be @('a1', 'a2', 'a3', 'a4')
    }

    It 'warns when the input has no last-active data for the product' {
        $path = New-TestExport "User id,User name,email,User status`na1,Ann,ann@acme.example,Active"
        $result = Import-CsvExport $path | Get-InactiveJiraUser JiraSoftware 30 -WarningVariable warnings -WarningAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $warnings | Should -Match 'no .Last seen in. column'
    }
}

Describe 'Import-CsvExport input' {
    It 'takes files from Get-ChildItem and wildcards' {
        $dir = Join-Path $TestDrive 'many'
        New-Item -ItemType Directory $dir | Out-Null
        Set-Content (Join-Path $dir 'one.csv') "$header`na1,Ann,ann@acme.example,Active,1 Jan 2020,,1 Jan 2024,User"
        Set-Content (Join-Path $dir 'two.csv') "$header`nb1,Bob,bob@acme.example,Active,1 Jan 2020,,1 Jan 2024,User"
        (Get-ChildItem $dir -Filter *.csv | Import-CsvExport).AccountId | Sort-Object | Should -Be @('a1', 'b1')
        (Import-CsvExport (Join-Path $dir '*.csv')).AccountId | Sort-Object | Should -Be @('a1', 'b1')
    }

    It 'reads a -LiteralPath with wildcard characters in its name' {
        $path = New-TestExport "$header`na1,Ann,ann@acme.example,Active,1 Jan 2020,,1 Jan 2024,User" -Name 'export[1].csv'
        (Import-CsvExport -LiteralPath $path).AccountId | Should -Be 'a1'
    }

    It 'streams the sample to 300 users' {
        (Import-CsvExport $Sample | Measure-Object).Count | Should -Be 300
    }
}

Describe 'Import-CsvExport errors' {
    It 'gives a non-terminating ObjectNotFound error for a missing file and goes on' {
        $good = New-TestExport "$header`na1,Ann,ann@acme.example,Active,1 Jan 2020,,1 Jan 2024,User"
        $users = Import-CsvExport -LiteralPath (Join-Path $TestDrive 'missing.csv'), $good -ErrorVariable errors -ErrorAction SilentlyContinue
        $users.AccountId | Should -Be 'a1'
        $errors[0].FullyQualifiedErrorId | Should -Be 'UserExportNotFound,JiraDeactivate.Commands.ImportCsvExportCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'stops with a terminating InvalidData error naming the file and the missing columns' {
        $path = New-TestExport "id,name`n1,Ann" -Name 'not-users.csv'
        $thrown = { Import-CsvExport $path } | Should -Throw -ErrorId 'NotAUserExport,JiraDeactivate.Commands.ImportCsvExportCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidData'
        $thrown.Exception.Message | Should -Match 'not-users\.csv'
        $thrown.Exception.Message | Should -Match 'User id, User name, email, User status'
    }

    It 'rejects a binary file with the same clear error, not a raw .NET exception' {
        $path = Join-Path $TestDrive 'binary.csv'
        [System.IO.File]::WriteAllBytes($path, [byte[]](0..255))
        { Import-CsvExport $path } | Should -Throw -ErrorId 'NotAUserExport,JiraDeactivate.Commands.ImportCsvExportCommand'
    }

    It 'reports a bad value with file and line and still emits the other rows' {
        $path = New-TestExport "$header`na1,Ann,ann@acme.example,Active,1 Jan 2020,,1 Jan 2024,User`na2,Bob,bob@acme.example,Active,someday,,1 Jan 2024,User`na3,Cid,cid@acme.example,Active,1 Jan 2020,,1 Jan 2024,User" -Name 'bad-value.csv'
        $users = Import-CsvExport $path -ErrorVariable errors -ErrorAction SilentlyContinue
        $users.AccountId | Should -Be @('a1', 'a3')
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'UserExportValueInvalid,JiraDeactivate.Commands.ImportCsvExportCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errors[0].ToString() | Should -Match 'bad-value\.csv:3'
    }

    It 'warns about an empty file and emits nothing' {
        $path = New-TestExport '' -Name 'empty.csv'
        $users = Import-CsvExport $path -WarningVariable warnings -WarningAction SilentlyContinue
        $users | Should -BeNullOrEmpty
        $warnings | Should -Match 'empty\.csv.*empty'
    }
}

Describe 'Import-CsvExport integrity (issue 13)' {
    BeforeAll {
        function New-Rows([int] $Count, [scriptblock] $Name) {
            $lines = foreach ($i in 1..$Count) { "a$i,$(& $Name $i),u$i@acme.example,Active,1 Jan 2020,,1 Jan 2024,User" }
            (@($header) + $lines) -join "`n"
        }
    }

    It 'stops with a terminating UserExportQuoteNotClosed error naming the line where a stray quote opened, not a short list' {
        $path = New-TestExport (New-Rows 120 { param($i) if ($i -eq 11) { '"Ann Lee' } elseif ($i -eq 100) { 'Bob" Smith' } else { "User $i" } }) -Name 'stray-quote.csv'
        $users = [System.Collections.Generic.List[object]]::new()
        $thrown = { Import-CsvExport $path | ForEach-Object { $users.Add($_) } } |
            Should -Throw -ErrorId 'UserExportQuoteNotClosed,JiraDeactivate.Commands.ImportCsvExportCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidData'
        $thrown.Exception.Message | Should -Match 'stray-quote\.csv:12: a quote opened on line 12 is not closed before line 101'
        $users.Count | Should -Be 10
    }

    It 'stops Get-InactiveJiraUser -Path with the same error' {
        $path = New-TestExport (New-Rows 20 { param($i) if ($i -eq 5) { '"Ann Lee' } elseif ($i -eq 9) { 'Bob" Smith' } else { "User $i" } })
        { Get-InactiveJiraUser -Path $path -Product JiraSoftware -MoreThan 30 -AsOf 2026-11-02 } |
            Should -Throw -ErrorId 'UserExportQuoteNotClosed,JiraDeactivate.Commands.GetInactiveJiraUserCommand'
    }

    It 'refuses duplicate columns with UserExportDuplicateColumns naming them' {
        $path = New-TestExport "$header,Last seen in Jira - acme`na1,Ann,ann@acme.example,Active,1 Jan 2020,,1 Jan 2024,User,1 Feb 2025"
        $thrown = { Import-CsvExport $path } | Should -Throw -ErrorId 'UserExportDuplicateColumns,JiraDeactivate.Commands.ImportCsvExportCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidData'
        $thrown.Exception.Message | Should -Match "'Last seen in Jira - acme' \(columns 7 and 9\)"
    }

    It 'reads a UTF-8 file with a Latin-1 row right in both parts and warns naming the line' {
        $path = Join-Path $TestDrive 'mixed.csv'
        $bytes = [System.Text.Encoding]::UTF8.GetBytes("User id,User name,email,User status`na1,Zoë,z@acme.example,Active`n") +
            [System.Text.Encoding]::Latin1.GetBytes("a2,José,j@acme.example,Active`n")
        [System.IO.File]::WriteAllBytes($path, $bytes)
        $users = Import-CsvExport $path -WarningVariable warnings -WarningAction SilentlyContinue
        $users.DisplayName | Should -Be @('Zoë', 'José')
        $warnings | Should -HaveCount 1
        $warnings[0] | Should -Match 'mixed\.csv:3: .*Latin-1'
    }

    It 'reads an export from a FIFO' -Skip:($IsWindows) {
        $fifo = Join-Path $TestDrive 'export.fifo'
        & mkfifo $fifo
        # The shell opens the FIFO for its redirection before anything else, so the reader below never waits forever.
        $start = [System.Diagnostics.ProcessStartInfo]::new('/bin/sh')
        $start.ArgumentList.Add('-c')
        $start.ArgumentList.Add('printf "User id,User name,email,User status\na1,Ann,a@acme.example,Active\n" > "$0"')
        $start.ArgumentList.Add($fifo)
        $writer = [System.Diagnostics.Process]::Start($start)
        try {
            $users = @(Import-CsvExport -LiteralPath $fifo)
            $users.AccountId | Should -Be 'a1'
        }
        finally {
            $writer.WaitForExit(10000) | Out-Null
        }
    }

    It 'stops on an endless stream with UserExportRecordTooLong instead of hanging' -Skip:(-not (Test-Path /dev/zero)) {
        $thrown = { Import-CsvExport -LiteralPath /dev/zero } | Should -Throw -ErrorId 'UserExportRecordTooLong,JiraDeactivate.Commands.ImportCsvExportCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidData'
    }
}

Describe 'Get-InactiveJiraUser -Path (issue 15)' {
    It 'finds the same seats as Import-CsvExport | Get-InactiveJiraUser for <Product>' -ForEach @(@{ Product = 'JiraSoftware' }, @{ Product = 'JiraServiceManagement' }) {
        # -Path reads only the product's own columns; the users and their dates must come out the same.
        $piped = Import-CsvExport $Sample | Get-InactiveJiraUser -Product $Product -MoreThan 90 -AsOf $SampleAsOf | ForEach-Object { "$($_.AccountId)|$($_.Site)|$($_.LastActive)|$($_.DaysInactive)" }
        $direct = Get-InactiveJiraUser -Path $Sample -Product $Product -MoreThan 90 -AsOf $SampleAsOf | ForEach-Object { "$($_.AccountId)|$($_.Site)|$($_.LastActive)|$($_.DaysInactive)" }
        $direct.Count | Should -BeGreaterThan 10
        $direct | Should -Be $piped
    }

    It 'reports a bad row and a missing file like Import-CsvExport and judges the other users' {
        $path = New-TestExport "$header`na1,Ann,ann@acme.example,Active,1 Jan 2020,,1 Jan 2024,User`na2,Bob,bob@acme.example,Active,someday,,1 Jan 2024,User" -Name 'bad-row.csv'
        $found = Get-InactiveJiraUser -Path $path, (Join-Path $TestDrive 'nowhere.csv') -Product JiraSoftware -MoreThan 30 -AsOf 2026-11-02 -ErrorVariable errors -ErrorAction SilentlyContinue
        $found.AccountId | Should -Be 'a1'
        @($errors.FullyQualifiedErrorId) | Should -Be @('UserExportNotFound,JiraDeactivate.Commands.GetInactiveJiraUserCommand', 'UserExportValueInvalid,JiraDeactivate.Commands.GetInactiveJiraUserCommand')
    }
}

Describe 'Get-InactiveJiraUser parameters' {
    BeforeAll { $command = Get-Command Get-InactiveJiraUser }

    It 'binds users from the pipeline by value' {
        $command.Parameters['InputObject'].Attributes.Where({ $_ -is [Parameter] }).ValueFromPipeline | Should -Contain $true
    }

    It 'refuses -MoreThan <Value>' -ForEach @(@{ Value = 0 }, @{ Value = -3 }) {
        { Import-CsvExport $Sample | Get-InactiveJiraUser -Product JiraSoftware -MoreThan $Value } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,JiraDeactivate.Commands.GetInactiveJiraUserCommand'
    }

    It 'refuses an unknown product and names the valid ones' {
        { Import-CsvExport $Sample | Get-InactiveJiraUser -Product Confluence -MoreThan 30 } |
            Should -Throw '*JiraSoftware*JiraServiceManagement*'
    }

    It 'completes -MoreThan with a month, a quarter, half a year and a year' {
        $line = 'Get-InactiveJiraUser -Product JiraSoftware -MoreThan '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('30', '90', '180', '365')
    }

    It 'says what to do when given no users' {
        { Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 } | Should -Throw -ErrorId 'NoUserSource,JiraDeactivate.Commands.GetInactiveJiraUserCommand'
    }

    It 'emits objects whose AccountId and Product bind by property name to a consumer' {
        function Receive-Seat {
            param(
                [Parameter(ValueFromPipelineByPropertyName)] [string] $AccountId,
                [Parameter(ValueFromPipelineByPropertyName)] [string] $Product
            )
            process { "$AccountId/$Product" }
        }
        $bound = Import-CsvExport $Sample | Get-InactiveJiraUser JiraSoftware 90 -AsOf $SampleAsOf | Select-Object -First 2 | Receive-Seat
        $bound | Should -HaveCount 2
        $bound | ForEach-Object { $_ | Should -Match '^\S+/JiraSoftware$' }
    }
}
