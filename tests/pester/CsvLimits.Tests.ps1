# Issue 21's CSV items through the cmdlets: the record limit is per record, and an export cut while it is read
# stops with an error instead of giving a shorter list.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $header = 'User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Jira - acme'
    function New-Row([string] $Id, [string] $Name) { "$Id,`"$Name`",$Id@x.example,Active,1 Jan 2024,,2 Feb 2024,User" }
    $folder = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "csvlimits-$([guid]::NewGuid())")).FullName
}
AfterAll {
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Import-CsvExport at the record limit' {
    It 'reads two adjacent records of 2.2 MB whole (the 4 MB limit is per record)' {
        $big = [string]::new('x', 2200000)
        $path = Join-Path $folder 'big.csv'
        Set-Content -LiteralPath $path -Value @($header, (New-Row 'a1' $big), (New-Row 'a2' $big), (New-Row 'a3' 'C'))

        $users = @(Import-CsvExport -LiteralPath $path -ErrorVariable problems)

        $problems | Should -BeNullOrEmpty
        $users.AccountId | Should -Be @('a1', 'a2', 'a3')
        $users[1].DisplayName.Length | Should -Be 2200000
    }
}

Describe 'Import-CsvExport of an export cut while it is read' {
    It 'stops with UserExportTruncated instead of giving a shorter list' {
        $path = Join-Path $folder 'export.csv'
        $rows = [System.Collections.Generic.List[string]]::new()
        $rows.Add($header)
        foreach ($i in 0..199999) { $rows.Add((New-Row "u$i" "User $i")) }
        Set-Content -LiteralPath $path -Value $rows
        $length = (Get-Item -LiteralPath $path).Length
        $script:seen = 0

        $thrown = $null
        try {
            # The cut record itself is a row error (non-terminating); the verdict on the file comes at its end.
            Import-CsvExport -LiteralPath $path -ErrorAction Continue -ErrorVariable rowErrors 2>$null | ForEach-Object {
                if (++$script:seen -eq 10) {
                    # Another process rewrites the export while this one reads it: cut mid-record.
                    $writer = [IO.FileStream]::new($path, 'Open', 'Write', 'ReadWrite')
                    try { $writer.SetLength([long]($length / 3) + 3) } finally { $writer.Dispose() }
                }
            }
        }
        catch { $thrown = $_ }

        $thrown | Should -Not -BeNullOrEmpty -Because 'a cut export must never read as a complete, shorter one'
        $thrown.FullyQualifiedErrorId | Should -BeLike 'UserExportTruncated*'
        $script:seen | Should -BeLessThan 200000
    }
}
