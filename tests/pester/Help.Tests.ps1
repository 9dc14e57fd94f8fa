# Help and docs: the markdown in docs/en-US matches the cmdlets, the built module's Get-Help shows it, every
# example parses, the examples that can run against the emulator do run, and build/docs.ps1 converts and rejects.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    function Read-DocPage([string] $Path) {
        # A platyPS page as the tests need it; read independently of build/docs.ps1, which has its own tests below.
        $text = (Get-Content -LiteralPath $Path -Raw) -replace "`r`n", "`n"
        $sections = @{}
        foreach ($match in [regex]::Matches($text, '(?ms)^## ([A-Z ]+)\n(.*?)(?=^## |\z)')) { $sections[$match.Groups[1].Value.Trim()] = $match.Groups[2].Value }
        $parameters = [ordered]@{}
        foreach ($match in [regex]::Matches($sections['PARAMETERS'], '(?ms)^### -(\w+)\n(.*?)(?=^### |\z)')) {
            $body = $match.Groups[2].Value
            $yaml = foreach ($block in [regex]::Matches($body, '(?ms)^```yaml\n(.*?)^```')) {
                $values = @{}
                foreach ($line in $block.Groups[1].Value -split "`n") { if ($line -match '^([^:]+):\s*(.*)$') { $values[$Matches[1].Trim()] = $Matches[2].Trim() } }
                $values
            }
            $parameters[$match.Groups[1].Value] = @{ Name = $match.Groups[1].Value; Description = ($body -replace '(?ms)^```.*?^```', '').Trim(); Metadata = @($yaml) }
        }
        $syntax = @{}
        foreach ($match in [regex]::Matches($sections['SYNTAX'], '(?ms)^### (\S+)[^\n]*\n```\n(.*?)\n```')) {
            $syntax[$match.Groups[1].Value] = @([regex]::Matches($match.Groups[2].Value, '(?<=[\s\[])-(\w+)') | ForEach-Object { $_.Groups[1].Value } | Select-Object -Unique)
        }
        $examples = foreach ($match in [regex]::Matches($sections['EXAMPLES'], '(?ms)^### (.+?)\n.*?^```powershell\n(.*?)\n```')) {
            @{ Title = $match.Groups[1].Value.Trim(); Code = $match.Groups[2].Value }
        }
        @{
            Name       = [System.IO.Path]::GetFileNameWithoutExtension($Path)
            Synopsis   = $sections['SYNOPSIS'].Trim()
            Sections   = $sections
            Parameters = $parameters
            Syntax     = $syntax
            Examples   = @($examples)
        }
    }

    $docsPath = Join-Path $RepoRoot 'docs/en-US'
    $cmdlets = @(Get-Command -Module JiraDeactivate | Where-Object { Test-Path (Join-Path $docsPath "$($_.Name).md") } | ForEach-Object {
            @{ Name = $_.Name; Page = Read-DocPage (Join-Path $docsPath "$($_.Name).md") }
        })
    # The examples that cannot run here, and why; every other example runs against the emulator.
    $notRunnable = @{
        'Connect-JiraAdmin#3' = 'it needs a SecretManagement vault, which is not installed here'
        'Connect-JiraAdmin#4' = 'it needs a service account and Atlassian''s gateway (Credentials.Tests.ps1 connects so to the emulator)'
        'Connect-JiraAdmin#5' = 'it needs Atlassian''s gateway, api.atlassian.com (Credentials.Tests.ps1 connects so to the emulator)'
    }
    $examples = @(foreach ($cmdlet in $cmdlets) {
            $number = 0
            foreach ($example in $cmdlet.Page.Examples) {
                $number++
                $key = "$($cmdlet.Name)#$number"
                @{ Key = $key; Title = $example.Title; Code = $example.Code; NotRunnable = $notRunnable[$key] }
            }
        })
    $notRunnableList = @{ Listed = @($notRunnable.Keys); Existing = @($examples.Key) }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $docsPath = Join-Path $RepoRoot 'docs/en-US'
    $converter = Join-Path $RepoRoot 'build/docs.ps1'
    $commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters
}

Describe 'The help pages in docs/en-US' {
    It 'has a page for every exported cmdlet and no page for a cmdlet that does not exist' {
        $documented = Get-ChildItem $docsPath -Filter '*.md' | Where-Object Name -NotLike 'about_*' | ForEach-Object BaseName | Sort-Object
        $documented | Should -Be ((Get-Command -Module JiraDeactivate).Name | Sort-Object)
    }

    It 'has an about topic with a short and a long description' {
        $about = Get-Content (Join-Path $docsPath 'about_JiraDeactivate.md')
        $about | Should -Contain '# SHORT DESCRIPTION'
        $about | Should -Contain '# LONG DESCRIPTION'
    }

    Context '<Name>' -ForEach $cmdlets {
        BeforeAll {
            $actual = @((Get-Command $Name).Parameters.Values | Where-Object Name -NotIn $commonParameters)
        }

        It 'documents every parameter, and no parameter that does not exist' {
            @($page.Parameters.Keys | Sort-Object) | Should -Be @($actual.Name | Sort-Object)
        }

        It 'gives each parameter a description' {
            foreach ($parameter in $page.Parameters.Values) { $parameter.Description | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name)" }
        }

        It 'states the parameter sets, type, required, position, pipeline input and wildcards of each parameter as the cmdlet declares them' {
            foreach ($parameter in $actual) {
                $documented = $page.Parameters[$parameter.Name].Metadata
                $documentedSets = @($documented | ForEach-Object { $_['Parameter Sets'] -split '\s*,\s*' } | ForEach-Object { if ($_ -eq '(All)') { '__AllParameterSets' } else { $_ } })
                @($documentedSets | Sort-Object) | Should -Be @($parameter.ParameterSets.Keys | Sort-Object) -Because "the parameter sets of -$($parameter.Name)"
                foreach ($yaml in $documented) {
                    # A nullable value type is documented by its underlying type, as Get-Help shows it.
                    $type = if ([Nullable]::GetUnderlyingType($parameter.ParameterType)) { [Nullable]::GetUnderlyingType($parameter.ParameterType) } else { $parameter.ParameterType }
                    $typeName = if ($type.IsArray) { $type.GetElementType().Name + '[]' } else { $type.Name }
                    $yaml['Type'] | Should -Be $typeName -Because "the type of -$($parameter.Name)"
                    $wildcards = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                    $yaml['Accept wildcard characters'] | Should -Be "$wildcards" -Because "wildcards of -$($parameter.Name)"
                    foreach ($set in $yaml['Parameter Sets'] -split '\s*,\s*') {
                        $declared = $parameter.ParameterSets[$(if ($set -eq '(All)') { '__AllParameterSets' } else { $set })]
                        $because = "-$($parameter.Name) in the set $set"
                        $yaml['Required'] | Should -Be "$($declared.IsMandatory)" -Because $because
                        $yaml['Position'] | Should -Be $(if ($declared.Position -ge 0) { "$($declared.Position)" } else { 'Named' }) -Because $because
                        $yaml['Accept pipeline input'] -match 'ByValue' | Should -Be $declared.ValueFromPipeline -Because "pipeline input by value of $because"
                        $yaml['Accept pipeline input'] -match 'ByPropertyName' | Should -Be $declared.ValueFromPipelineByPropertyName -Because "pipeline input by property name of $because"
                    }
                }
            }
        }

        It 'has a syntax block for every parameter set, naming exactly the parameters of that set' {
            $command = Get-Command $Name
            @($page.Syntax.Keys | Sort-Object) | Should -Be @($command.ParameterSets.Name | Sort-Object)
            foreach ($set in $command.ParameterSets) {
                $expected = $set.Parameters.Name | Where-Object { $_ -notin $commonParameters }
                @($page.Syntax[$set.Name] | Sort-Object) | Should -Be @($expected | Sort-Object) -Because "the syntax of the set $($set.Name)"
            }
        }

        It 'has a synopsis, a description, at least one example, inputs, outputs and notes' {
            $page.Synopsis | Should -Not -BeNullOrEmpty
            $page.Sections['DESCRIPTION'] | Should -Match '\w'
            $page.Examples.Count | Should -BeGreaterThan 0
            $page.Sections['INPUTS'] | Should -Match '###'
            $page.Sections['OUTPUTS'] | Should -Match '###'
            $page.Sections['NOTES'] | Should -Match '\w'
        }

        It 'names the output type the cmdlet declares' {
            foreach ($type in (Get-Command $Name).OutputType.Name | Where-Object { $_ -ne 'System.Void' }) {
                $page.Sections['OUTPUTS'] | Should -Match ([regex]::Escape($type))
            }
        }
    }

    It 'example <Key> parses without errors' -ForEach $examples {
        $errors = $null
        [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $null, [ref] $errors) | Out-Null
        $errors | Should -BeNullOrEmpty
    }
}

Describe 'Get-Help with the built module' {
    It 'shows the help of <Name> from the help file: synopsis, description, every parameter and the examples' -ForEach $cmdlets {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Be $page.Synopsis
        ($help.description.Text -join "`n") | Should -Match '\w{3}'
        foreach ($parameter in $page.Parameters.Keys) { $help.parameters.parameter.name | Should -Contain $parameter }
        @($help.examples.example).Count | Should -Be $page.Examples.Count
        $help.examples.example[0].code | Should -Be $page.Examples[0].Code
        $text = $help | Out-String -Width 200
        $text | Should -Match 'PARAMETERS'
        $text | Should -Match ([regex]::Escape($page.Examples[0].Title))
    }

    It 'finds the help file next to the module dll, in en-US' {
        $moduleBase = (Get-Module JiraDeactivate).ModuleBase
        Join-Path $moduleBase 'en-US/JiraDeactivate.dll-Help.xml' | Should -Exist
        Join-Path $moduleBase 'en-US/about_JiraDeactivate.help.txt' | Should -Exist
    }

    It 'shows about_JiraDeactivate' {
        $text = Get-Help about_JiraDeactivate | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'The inactivity rule'
        $text | Should -Match 'RemovalFuseTripped'
    }
}

Describe 'The examples against the emulator' {
    BeforeAll {
        # Substitutions, so that the examples run as written against the local emulator instead of acme.atlassian.net:
        #  - https://acme.atlassian.net and admin@acme.example become the emulator's site and admin;
        #  - $credential and $apiKey hold the emulator's credentials (lines that prompt for them are replaced);
        #  - -AdminApiKey $apiKey gets -AdminApiUri <emulator> added (the real Admin API is api.atlassian.com);
        #  - each example runs in its own folder holding ./export-users.csv (the emulator's users) and
        #    ./removals.jsonl (a journal of one removal run), and default journals go to TestDrive.
        # Held but never used products are listed undated, so the per-user path and the last look can judge every holder (issue 21).
        $emu = Start-JiraEmulator -Users 40 -Seed 11 -ArgumentList '--list-undated-products', 'true'
        $savedDataHome = $env:XDG_DATA_HOME
        $env:XDG_DATA_HOME = Join-Path $TestDrive 'appdata'
        $export = Save-EmulatorExport $emu -Name 'export-users.csv'
        $journal = Join-Path $TestDrive 'removals.jsonl'
        Connect-TestEmulator $emu
        Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 | Select-Object -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null | Out-Null
        # Each example gets its own copy of that journal; the run's record of its last line (beside its key) goes back
        # with it, or a copy behind an earlier example's restore would read as a journal with lines deleted.
        $heads = @(Get-ChildItem (Join-Path $env:XDG_DATA_HOME 'JiraDeactivate/keys') -Filter '*.head' | ForEach-Object { @{ Path = $_.FullName; Text = [System.IO.File]::ReadAllText($_.FullName) } })
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null

        function ConvertTo-EmulatorExample([string] $Code) {
            $Code = $Code.Replace('https://acme.atlassian.net', $emu.siteUrl).Replace('admin@acme.example', $emu.email)
            $Code = $Code -replace '(?m)^(\s*\$credential\s*=\s*)Get-Credential.*$', '$1$TestCredential'
            $Code = $Code -replace '(?m)^(\s*\$apiKey\s*=\s*)Read-Host.*$', '$1$TestApiKey'
            $Code.Replace('-AdminApiKey $apiKey', "-AdminApiKey `$apiKey -AdminApiUri '$($emu.adminApiUrl)'")
        }
    }
    AfterAll {
        Disconnect-JiraAdmin
        Stop-JiraEmulator $emu
        $env:XDG_DATA_HOME = $savedDataHome
    }
    BeforeEach { Connect-TestEmulator $emu }

    It 'lists only examples that exist as not runnable' -ForEach $notRunnableList {
        foreach ($key in $Listed) { $Existing | Should -Contain $key }
    }

    It 'runs example <Key> without errors' -ForEach $examples {
        if ($NotRunnable) { Set-ItResult -Skipped -Because $NotRunnable; return }
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive ($Key -replace '\W', '-'))
        Copy-Item $export, $journal -Destination $folder
        foreach ($head in $heads) { [System.IO.File]::WriteAllText($head.Path, $head.Text) }
        $TestCredential = [pscredential]::new($emu.email, (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force))
        $TestApiKey = ConvertTo-SecureString $emu.adminApiKey -AsPlainText -Force
        $credential = $TestCredential
        $apiKey = $TestApiKey
        $example = [scriptblock]::Create((ConvertTo-EmulatorExample $Code))
        Push-Location $folder
        try { $output = & { & $example 3>$null 4>$null 5>$null 6>$null } 2>&1 }
        finally { Pop-Location }
        @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
    }
}

Describe 'build/docs.ps1' {
    BeforeAll {
        function New-DocsFolder([hashtable] $Files) {
            $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            New-Item -ItemType Directory -Path $folder | Out-Null
            foreach ($name in $Files.Keys) { Set-Content -LiteralPath (Join-Path $folder $name) -Value $Files[$name] }
            $folder
        }
        function Invoke-Converter([string] $Docs) {
            $out = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            & $converter -DocsPath $Docs -OutputPath $out 6>$null
            $out
        }
        $goodPage = @'
---
external help file: Sample.dll-Help.xml
Module Name: Sample
schema: 2.0.0
---

# Get-Sample

## SYNOPSIS
Gets samples.

## SYNTAX

### ByName (Default)
```
Get-Sample [-Name] <String[]> [-Force] [<CommonParameters>]
```

### ById
```
Get-Sample -Id <Int32> [<CommonParameters>]
```

## DESCRIPTION
The first paragraph.

The second paragraph.

## EXAMPLES

### Example 1: Get one sample
```powershell
Get-Sample -Name one
```

Gets the sample named one.

## PARAMETERS

### -Name
The names.

```yaml
Type: String[]
Parameter Sets: ByName
Aliases: N

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByPropertyName, ByValue)
Accept wildcard characters: True
```

### -Force
Forces it.

```yaml
Type: SwitchParameter
Parameter Sets: ByName
Aliases:

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### -Id
The ID.

```yaml
Type: Int32
Parameter Sets: ById
Aliases:

Required: True
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```

### CommonParameters
Common parameters.

## INPUTS

### System.String[]
Names.

## OUTPUTS

### Sample.Thing
A thing.

## NOTES
A note.

## RELATED LINKS

[Set-Sample]()
'@
        $about = @'
# about_Sample

# SHORT DESCRIPTION
Short text.

# LONG DESCRIPTION
Long text.

## A section
Section text.
'@
    }

    It 'converts a good page to MAML with details, syntax per set, parameters, types, notes, examples and links' {
        $out = Invoke-Converter (New-DocsFolder @{ 'Get-Sample.md' = $goodPage; 'about_Sample.md' = $about })
        [xml] $maml = Get-Content (Join-Path $out 'en-US/Sample.dll-Help.xml') -Raw
        $ns = [System.Xml.XmlNamespaceManager]::new($maml.NameTable)
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        $command = $maml.SelectSingleNode('//command:command', $ns)
        $command.SelectSingleNode('command:details/command:name', $ns).InnerText | Should -Be 'Get-Sample'
        $command.SelectSingleNode('command:details/command:verb', $ns).InnerText | Should -Be 'Get'
        $command.SelectSingleNode('command:details/maml:description/maml:para', $ns).InnerText | Should -Be 'Gets samples.'
        $command.SelectNodes('maml:description/maml:para', $ns).Count | Should -Be 2
        $items = $command.SelectNodes('command:syntax/command:syntaxItem', $ns)
        $items.Count | Should -Be 2
        @($items[0].SelectNodes('command:parameter/maml:name', $ns).InnerText) | Should -Be @('Name', 'Force')
        $name = $command.SelectSingleNode("command:parameters/command:parameter[maml:name='Name']", $ns)
        $name.required | Should -Be 'true'
        $name.position | Should -Be '0'
        $name.globbing | Should -Be 'true'
        $name.aliases | Should -Be 'N'
        $name.pipelineInput | Should -Be 'True (ByPropertyName, ByValue)'
        $command.SelectSingleNode("command:parameters/command:parameter[maml:name='Force']/command:parameterValue", $ns) | Should -BeNullOrEmpty -Because 'a switch takes no value'
        $command.SelectSingleNode("command:parameters/command:parameter[maml:name='Id']", $ns).position | Should -Be 'named'
        $command.SelectSingleNode('command:inputTypes/command:inputType/dev:type/maml:name', $ns).InnerText | Should -Be 'System.String[]'
        $command.SelectSingleNode('command:returnValues/command:returnValue/dev:type/maml:name', $ns).InnerText | Should -Be 'Sample.Thing'
        $command.SelectSingleNode('maml:alertSet/maml:alert/maml:para', $ns).InnerText | Should -Be 'A note.'
        $command.SelectSingleNode('command:examples/command:example/dev:code', $ns).InnerText | Should -Be 'Get-Sample -Name one'
        $command.SelectSingleNode('command:examples/command:example/dev:remarks/maml:para', $ns).InnerText | Should -Be 'Gets the sample named one.'
        $command.SelectSingleNode('command:relatedLinks/maml:navigationLink/maml:linkText', $ns).InnerText | Should -Be 'Set-Sample'
    }

    It 'writes the about topic as text with its sections' {
        $out = Invoke-Converter (New-DocsFolder @{ 'Get-Sample.md' = $goodPage; 'about_Sample.md' = $about })
        $text = Get-Content (Join-Path $out 'en-US/about_Sample.help.txt')
        $text[0..1] | Should -Be @('TOPIC', '    about_Sample')
        $text | Should -Contain 'SHORT DESCRIPTION'
        $text | Should -Contain '    Short text.'
        $text | Should -Contain '  A section'
    }

    It 'fails naming the file and the problem when <Case>' -ForEach @(
        @{ Case = 'a section is missing'; Edit = { param($p) $p -replace '(?s)## NOTES.*?(?=## RELATED LINKS)', '' }; Message = "*Get-Sample.md*'## NOTES' is missing*" }
        @{ Case = 'a parameter has no yaml block'; Edit = { param($p) $p -replace '(?s)(### -Force\r?\nForces it\.\r?\n).*?```\r?\n(?=\r?\n### -Id)', '$1' }; Message = '*Get-Sample.md*-Force has no yaml block*' }
        @{ Case = 'an example has no code block'; Edit = { param($p) $p -replace '```powershell\r?\nGet-Sample -Name one\r?\n```', '' }; Message = "*Get-Sample.md*'Example 1: Get one sample' has no ``````powershell code block*" }
        @{ Case = 'the syntax names an undocumented parameter'; Edit = { param($p) $p.Replace('[-Force] [<CommonParameters>]', '[-Force] [-Extra] [<CommonParameters>]') }; Message = '*Get-Sample.md*names -Extra*' }
        @{ Case = 'the yaml lacks a key'; Edit = { param($p) $p.Replace("Required: True`nPosition: Named", "Position: Named").Replace("Required: True`r`nPosition: Named", "Position: Named") }; Message = "*Get-Sample.md*-Id has no 'Required'*" }
    ) {
        $broken = & $Edit $goodPage
        $broken | Should -Not -Be $goodPage -Because 'the test must actually break the page'
        { Invoke-Converter (New-DocsFolder @{ 'Get-Sample.md' = $broken }) } | Should -Throw -ExpectedMessage $Message
    }

    It 'fails when an about topic has no SHORT DESCRIPTION' {
        $docs = New-DocsFolder @{ 'Get-Sample.md' = $goodPage; 'about_Sample.md' = $about.Replace('# SHORT DESCRIPTION', '# SUMMARY') }
        { Invoke-Converter $docs } | Should -Throw -ExpectedMessage "*about_Sample.md*'# SHORT DESCRIPTION' is missing*"
    }
}
