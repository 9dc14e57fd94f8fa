<#
.SYNOPSIS
    Turns the platyPS-style markdown in -DocsPath into the module's help: <OutputPath>/en-US/JiraDeactivate.dll-Help.xml
    (MAML, one command:command per cmdlet page) and about_*.help.txt (one per about_*.md).
.DESCRIPTION
    platyPS is not served by the package sources this project builds from, so this script converts the subset of
    the platyPS markdown layout the docs use. When platyPS is installed, it is used instead (New-ExternalHelp).

    Supported cmdlet page layout (each "## " section is required, in any order):
      front matter (--- ... ---) with "external help file:" (and "online version:", the page's address), then "# <Cmdlet-Name>"
      ## SYNOPSIS          text
      ## SYNTAX            "### <SetName>" or "### <SetName> (Default)" + a code block; parameter order comes from it
      ## DESCRIPTION       paragraphs, "- " lists, code blocks
      ## EXAMPLES          "### Example N: <title>" + a ```powershell block + paragraphs
      ## PARAMETERS        "### -<Name>" + paragraphs + one ```yaml block per parameter set group; "### CommonParameters"
      ## INPUTS / OUTPUTS  "### <Type name>" + paragraphs
      ## NOTES             paragraphs
      ## RELATED LINKS     "[text](uri)" lines
    about_*.md: "# SHORT DESCRIPTION" and "# LONG DESCRIPTION" are required; other "# " and "## " headings become sections.
    A malformed page stops the build with an error naming the file and what is wrong.
.EXAMPLE
    ./build/docs.ps1 -DocsPath ./docs/en-US -OutputPath ./out/JiraDeactivate/0.1.0
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$script:Ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$script:RequiredSections = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'

#region Markdown reading

function Stop-Conversion {
    # Every conversion error names the page, so a broken doc is found without a debugger.
    param([Parameter(Mandatory)] [string] $File, [Parameter(Mandatory)] [string] $Problem)
    throw "Help markdown '$File' is malformed: $Problem"
}

function Split-FrontMatter {
    # Returns the YAML front matter as a hashtable and the remaining lines.
    param([string[]] $Lines, [string] $File)
    $meta = @{}
    if ($Lines.Count -eq 0 -or $Lines[0].Trim() -ne '---') { return @{ Meta = $meta; Body = $Lines } }
    $end = [array]::IndexOf($Lines, '---', 1)
    if ($end -lt 0) { Stop-Conversion $File 'the front matter (---) is not closed.' }
    foreach ($line in $Lines[1..($end - 1)]) {
        if ($line -match '^\s*([^:]+):\s*(.*)$') { $meta[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    @{ Meta = $meta; Body = @($Lines | Select-Object -Skip ($end + 1)) }
}

function Split-Heading {
    # Splits lines at headings of one level ('#', '##' or '###'), ignoring '#' inside code fences.
    # Returns ordered [pscustomobject]@{ Title; Lines } blocks; lines before the first heading have Title $null.
    param([string[]] $Lines, [Parameter(Mandatory)] [string] $Marker)
    $blocks = [System.Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Title = $null; Lines = [System.Collections.Generic.List[string]]::new() }
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match "^$([regex]::Escape($Marker))\s+(.+?)\s*$") {
            $blocks.Add($current)
            $current = [pscustomobject]@{ Title = $Matches[1]; Lines = [System.Collections.Generic.List[string]]::new() }
            continue
        }
        $current.Lines.Add($line)
    }
    $blocks.Add($current)
    $blocks
}

function Get-CodeBlock {
    # The fenced code blocks of some lines, as [pscustomobject]@{ Language; Text }.
    param([string[]] $Lines)
    $language = $null; $code = $null
    foreach ($line in $Lines) {
        if ($null -eq $code -and $line -match '^\s*```\s*(\S*)\s*$') { $language = $Matches[1]; $code = [System.Collections.Generic.List[string]]::new(); continue }
        if ($null -ne $code -and $line -match '^\s*```\s*$') { [pscustomobject]@{ Language = $language; Text = ($code -join "`n") }; $code = $null; continue }
        if ($null -ne $code) { $code.Add($line) }
    }
}

function Get-Paragraph {
    # The prose of some lines as paragraphs: blank lines separate them, each "- " item is one, code blocks are kept
    # whole, and lines of one paragraph are joined (Get-Help wraps them itself).
    param([string[]] $Lines)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $buffer = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    $flush = { if ($buffer.Count) { $paragraphs.Add(($buffer -join ' ').Trim()); $buffer.Clear() } }
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            if (-not $inFence) { & $flush; $inFence = $true; $code = [System.Collections.Generic.List[string]]::new() }
            else { $inFence = $false; $paragraphs.Add(($code | ForEach-Object { "    $_" }) -join "`n") }
            continue
        }
        if ($inFence) { $code.Add($line); continue }
        if ($line.Trim() -eq '') { & $flush; continue }
        if ($line -match '^\s*([-*]|\d+\.)\s+') { & $flush }
        $buffer.Add($line.Trim())
    }
    & $flush
    $paragraphs
}

function Get-Prose {
    # The lines of a block outside its code fences.
    param([string[]] $Lines)
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence; continue }
        if (-not $inFence) { $line }
    }
}

function ConvertFrom-ParameterYaml {
    # One platyPS parameter yaml block ("Key: value" lines) as a hashtable with the keys the converter needs.
    param([string] $Text, [string] $File, [string] $Parameter)
    $values = @{}
    foreach ($line in $Text -split "`n") {
        if ($line -match '^\s*([^:]+):\s*(.*)$') { $values[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    foreach ($key in 'Type', 'Parameter Sets', 'Required', 'Position', 'Accept pipeline input', 'Accept wildcard characters') {
        if (-not $values.ContainsKey($key)) { Stop-Conversion $File "the yaml of parameter -$Parameter has no '$key'." }
    }
    $values
}

function Read-CommandPage {
    # Reads one cmdlet page into a [pscustomobject] describing the command, or stops with a clear error.
    param([Parameter(Mandatory)] [string] $Path)
    $file = Split-Path $Path -Leaf
    $parts = Split-FrontMatter -Lines ([System.IO.File]::ReadAllLines($Path)) -File $file
    if (-not $parts.Meta.ContainsKey('external help file')) { Stop-Conversion $file "the front matter has no 'external help file'." }
    $top = @(Split-Heading $parts.Body '#' | Where-Object Title)
    if ($top.Count -ne 1) { Stop-Conversion $file "expected one '# <Cmdlet-Name>' heading, found $($top.Count)." }
    $name = $top[0].Title
    if ($name -notmatch '^[A-Za-z]+-[A-Za-z]+$') { Stop-Conversion $file "'# $name' is not a Verb-Noun cmdlet name." }

    $sections = @{}
    foreach ($block in Split-Heading $top[0].Lines '##' | Where-Object Title) { $sections[$block.Title.ToUpperInvariant()] = $block.Lines }
    foreach ($required in $script:RequiredSections) {
        if (-not $sections.ContainsKey($required)) { Stop-Conversion $file "the section '## $required' is missing." }
    }

    $parameters = Read-ParameterSection -Lines $sections['PARAMETERS'] -File $file
    [pscustomobject]@{
        Name         = $name
        HelpFile     = $parts.Meta['external help file']
        Synopsis     = (Get-Paragraph $sections['SYNOPSIS']) -join ' '
        Syntax       = @(Read-SyntaxSection -Lines $sections['SYNTAX'] -File $file -Parameters $parameters)
        Description  = @(Get-Paragraph $sections['DESCRIPTION'])
        Examples     = @(Read-ExampleSection -Lines $sections['EXAMPLES'] -File $file)
        Parameters   = $parameters
        Inputs       = @(Read-TypeSection -Lines $sections['INPUTS'])
        Outputs      = @(Read-TypeSection -Lines $sections['OUTPUTS'])
        Notes        = @(Get-Paragraph $sections['NOTES'])
        # The page online comes first: Get-Help -Online opens the first related link with an address.
        RelatedLinks = @(@($parts.Meta['online version'] | Where-Object { $_ } | ForEach-Object { [pscustomobject]@{ Text = 'Online Version:'; Uri = $_ } }) + @(Read-LinkSection -Lines $sections['RELATED LINKS']))
    }
}

function Read-ParameterSection {
    # "### -Name" blocks: description paragraphs and one yaml block per group of parameter sets.
    param([string[]] $Lines, [string] $File)
    $parameters = [ordered]@{}
    foreach ($block in Split-Heading $Lines '###' | Where-Object Title) {
        if ($block.Title -eq 'CommonParameters') { continue }
        if ($block.Title -notmatch '^-(\w+)$') { Stop-Conversion $File "'### $($block.Title)' under PARAMETERS is not '### -Name'." }
        $name = $Matches[1]
        $yaml = @(Get-CodeBlock $block.Lines | Where-Object Language -eq 'yaml')
        if ($yaml.Count -eq 0) { Stop-Conversion $File "parameter -$name has no yaml block (Type, Parameter Sets, Required, Position, ...)." }
        $description = @(Get-Paragraph (Get-Prose $block.Lines))
        if ($description.Count -eq 0) { Stop-Conversion $File "parameter -$name has no description." }
        $parameters[$name] = [pscustomobject]@{
            Name        = $name
            Description = $description
            Metadata    = @($yaml | ForEach-Object { ConvertFrom-ParameterYaml -Text $_.Text -File $File -Parameter $name })
        }
    }
    $parameters
}

function Get-ParameterSetMetadata {
    # The yaml block of a parameter that applies to a parameter set ("(All)" applies to every set).
    param([Parameter(Mandatory)] $Parameter, [Parameter(Mandatory)] [string] $SetName)
    foreach ($metadata in $Parameter.Metadata) {
        $sets = $metadata['Parameter Sets'] -split '\s*,\s*'
        if ($sets -contains '(All)' -or $sets -contains $SetName) { return $metadata }
    }
}

function Read-SyntaxSection {
    # "### SetName" blocks with a code block each; returns the set name and its parameters in syntax order.
    param([string[]] $Lines, [string] $File, [System.Collections.IDictionary] $Parameters)
    $sets = @(Split-Heading $Lines '###' | Where-Object Title)
    if ($sets.Count -eq 0) { Stop-Conversion $File "SYNTAX has no '### <ParameterSetName>' block." }
    foreach ($set in $sets) {
        $setName = ($set.Title -replace '\s*\(Default\)\s*$', '').Trim()
        $code = @(Get-CodeBlock $set.Lines)
        if ($code.Count -ne 1) { Stop-Conversion $File "the syntax of '$setName' needs exactly one code block." }
        $names = [regex]::Matches($code[0].Text, '(?<=[\s\[])-(\w+)') | ForEach-Object { $_.Groups[1].Value } | Select-Object -Unique
        $members = foreach ($name in $names) {
            if (-not $Parameters.Contains($name)) { Stop-Conversion $File "the syntax of '$setName' names -$name, which has no '### -$name' under PARAMETERS." }
            $metadata = Get-ParameterSetMetadata -Parameter $Parameters[$name] -SetName $setName
            if ($null -eq $metadata) { Stop-Conversion $File "the syntax of '$setName' names -$name, but its yaml does not list that parameter set." }
            [pscustomobject]@{ Parameter = $Parameters[$name]; Metadata = $metadata }
        }
        [pscustomobject]@{ Name = $setName; Members = @($members) }
    }
}

function Read-ExampleSection {
    # "### Example N: title" blocks: the first code block is the example, the prose after it the remarks.
    param([string[]] $Lines, [string] $File)
    $examples = @(Split-Heading $Lines '###' | Where-Object Title)
    if ($examples.Count -eq 0) { Stop-Conversion $File "EXAMPLES has no '### Example 1: ...'." }
    foreach ($example in $examples) {
        $code = @(Get-CodeBlock $example.Lines | Where-Object Language -in 'powershell', 'pwsh', 'ps1')
        if ($code.Count -eq 0) { Stop-Conversion $File "'$($example.Title)' has no ```powershell code block." }
        [pscustomobject]@{
            Title   = $example.Title
            Code    = ($code.Text -join "`n`n")
            Remarks = @(Get-Paragraph (Get-Prose $example.Lines))
        }
    }
}

function Read-TypeSection {
    # "### TypeName" blocks with a description (INPUTS and OUTPUTS); "None" is a valid type name.
    param([string[]] $Lines)
    foreach ($block in Split-Heading $Lines '###' | Where-Object Title) {
        [pscustomobject]@{ Name = $block.Title; Description = @(Get-Paragraph $block.Lines) }
    }
}

function Read-LinkSection {
    # "[text](uri)" links, one per line.
    param([string[]] $Lines)
    foreach ($line in $Lines) {
        if ($line -match '^\s*\[([^\]]+)\]\(([^)]*)\)') { [pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] } }
    }
}

#endregion

#region MAML writing

function Add-Element {
    # Appends <prefix:name>text</prefix:name> to a parent and returns it.
    param([Parameter(Mandatory)] [System.Xml.XmlNode] $Parent, [Parameter(Mandatory)] [string] $Name, [string] $Text, [hashtable] $Attributes = @{})
    $prefix, $local = $Name -split ':', 2
    $document = if ($Parent -is [System.Xml.XmlDocument]) { $Parent } else { $Parent.OwnerDocument }
    $element = $document.CreateElement($prefix, $local, $script:Ns[$prefix])
    foreach ($key in $Attributes.Keys | Sort-Object) { $element.SetAttribute($key, [string]$Attributes[$key]) }
    if ($PSBoundParameters.ContainsKey('Text')) { $element.InnerText = $Text }
    $Parent.AppendChild($element)
}

function Add-Description {
    # <maml:description> with one <maml:para> per paragraph.
    param([System.Xml.XmlNode] $Parent, [string[]] $Paragraphs, [string] $Name = 'maml:description')
    $description = Add-Element $Parent $Name
    foreach ($paragraph in $Paragraphs) { Add-Element $description 'maml:para' $paragraph | Out-Null }
    $description
}

function ConvertTo-PipelineInput {
    # platyPS writes "True (ByPropertyName)"; MAML wants the same text, and "False" when not.
    param([string] $Value)
    if ($Value -match '^\s*True') { $Value } else { 'False' }
}

function Add-ParameterElement {
    # <command:parameter> as used in both the syntax items and the parameter list.
    param([System.Xml.XmlNode] $Parent, $Parameter, [hashtable] $Metadata, [switch] $WithDetails)
    $type = $Metadata['Type']
    $attributes = @{
        required      = ($Metadata['Required'] -eq 'True').ToString().ToLowerInvariant()
        variableLength = ($type -like '*[[]]').ToString().ToLowerInvariant()
        globbing      = ($Metadata['Accept wildcard characters'] -eq 'True').ToString().ToLowerInvariant()
        pipelineInput = ConvertTo-PipelineInput $Metadata['Accept pipeline input']
        position      = if ($Metadata['Position'] -match '^\d+$') { $Metadata['Position'] } else { 'named' }
        aliases       = if ($Metadata['Aliases']) { $Metadata['Aliases'] } else { 'none' }
    }
    $element = Add-Element $Parent 'command:parameter' -Attributes $attributes
    Add-Element $element 'maml:name' $Parameter.Name | Out-Null
    if ($WithDetails) { Add-Description $element $Parameter.Description | Out-Null }
    if ($type -ne 'SwitchParameter') {
        Add-Element $element 'command:parameterValue' $type -Attributes @{ required = 'true'; variableLength = $attributes.variableLength } | Out-Null
    }
    if ($WithDetails) {
        $typeElement = Add-Element $element 'dev:type'
        Add-Element $typeElement 'maml:name' $type | Out-Null
        Add-Element $typeElement 'maml:uri' | Out-Null
        $default = $Metadata['Default value']
        Add-Element $element 'dev:defaultValue' $(if ($default) { $default } else { 'None' }) | Out-Null
    }
}

function Get-MergedMetadata {
    # The parameter list shows one entry per parameter: required or positional in any set shows as such.
    param($Parameter)
    $merged = $Parameter.Metadata[0].Clone()
    foreach ($metadata in $Parameter.Metadata) {
        if ($metadata['Required'] -eq 'True') { $merged['Required'] = 'True' }
        if ($metadata['Position'] -match '^\d+$') { $merged['Position'] = $metadata['Position'] }
        if ($metadata['Accept pipeline input'] -match '^True') { $merged['Accept pipeline input'] = $metadata['Accept pipeline input'] }
    }
    $merged
}

function Add-TypeList {
    # <command:inputTypes>/<command:returnValues> with their type names and descriptions.
    param([System.Xml.XmlNode] $Parent, [string] $ListName, [string] $ItemName, [object[]] $Types)
    $list = Add-Element $Parent $ListName
    foreach ($type in $Types) {
        $item = Add-Element $list $ItemName
        $typeElement = Add-Element $item 'dev:type'
        Add-Element $typeElement 'maml:name' $type.Name | Out-Null
        Add-Description $item $type.Description | Out-Null
    }
}

function Add-CommandElement {
    # One <command:command> for a cmdlet page.
    param([System.Xml.XmlNode] $Parent, [Parameter(Mandatory)] $Page)
    $command = Add-Element $Parent 'command:command'
    $details = Add-Element $command 'command:details'
    $verb, $noun = $Page.Name -split '-', 2
    Add-Element $details 'command:name' $Page.Name | Out-Null
    Add-Description $details @($Page.Synopsis) | Out-Null
    Add-Element $details 'command:verb' $verb | Out-Null
    Add-Element $details 'command:noun' $noun | Out-Null
    Add-Description $command $Page.Description | Out-Null

    $syntax = Add-Element $command 'command:syntax'
    foreach ($set in $Page.Syntax) {
        $item = Add-Element $syntax 'command:syntaxItem'
        Add-Element $item 'maml:name' $Page.Name | Out-Null
        foreach ($member in $set.Members) { Add-ParameterElement $item $member.Parameter $member.Metadata }
    }

    $parameters = Add-Element $command 'command:parameters'
    foreach ($parameter in $Page.Parameters.Values) { Add-ParameterElement $parameters $parameter (Get-MergedMetadata $parameter) -WithDetails }

    Add-TypeList $command 'command:inputTypes' 'command:inputType' $Page.Inputs
    Add-TypeList $command 'command:returnValues' 'command:returnValue' $Page.Outputs
    $alertSet = Add-Element $command 'maml:alertSet'
    $alert = Add-Element $alertSet 'maml:alert'
    foreach ($paragraph in $Page.Notes) { Add-Element $alert 'maml:para' $paragraph | Out-Null }

    $examples = Add-Element $command 'command:examples'
    foreach ($example in $Page.Examples) {
        $element = Add-Element $examples 'command:example'
        Add-Element $element 'maml:title' "-------------------------- $($example.Title) --------------------------" | Out-Null
        Add-Element $element 'dev:code' $example.Code | Out-Null
        Add-Description $element $example.Remarks 'dev:remarks' | Out-Null
    }

    $links = Add-Element $command 'command:relatedLinks'
    foreach ($link in $Page.RelatedLinks) {
        $navigation = Add-Element $links 'maml:navigationLink'
        Add-Element $navigation 'maml:linkText' $link.Text | Out-Null
        Add-Element $navigation 'maml:uri' $link.Uri | Out-Null
    }
}

function New-MamlDocument {
    # The whole MAML help file for the given pages.
    param([Parameter(Mandatory)] [object[]] $Pages)
    $document = [System.Xml.XmlDocument]::new()
    $document.AppendChild($document.CreateXmlDeclaration('1.0', 'utf-8', $null)) | Out-Null
    $root = $document.CreateElement('helpItems', 'http://msh')
    $root.SetAttribute('schema', 'maml')
    foreach ($prefix in $script:Ns.Keys) { $root.SetAttribute("xmlns:$prefix", $script:Ns[$prefix]) }
    $document.AppendChild($root) | Out-Null
    foreach ($page in $Pages | Sort-Object Name) { Add-CommandElement $root $page }
    $document
}

#endregion

#region about topics

function Format-Wrapped {
    # Wraps a paragraph to 80 columns with an indent (about topics are shown as plain text).
    param([string] $Text, [int] $Indent, [int] $Hanging = 0)
    $width = 80
    $line = ' ' * $Indent
    $lines = [System.Collections.Generic.List[string]]::new()
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if ($line.Trim() -and $line.Length + 1 + $word.Length -gt $width) { $lines.Add($line.TrimEnd()); $line = ' ' * ($Indent + $Hanging) }
        $line = if ($line.Trim()) { "$line $word" } else { "$line$word" }
    }
    if ($line.Trim()) { $lines.Add($line.TrimEnd()) }
    $lines
}

function ConvertTo-AboutText {
    # about_*.md to the help.txt layout: "# " headings in capitals at the margin, "## " headings indented by 2,
    # text indented by 4 and wrapped, code blocks indented by 8 as written.
    param([Parameter(Mandatory)] [string] $Path)
    $file = Split-Path $Path -Leaf
    $topic = [System.IO.Path]::GetFileNameWithoutExtension($Path)
    $body = (Split-FrontMatter -Lines ([System.IO.File]::ReadAllLines($Path)) -File $file).Body
    $headings = @($body | Where-Object { $_ -match '^#\s' } | ForEach-Object { ($_ -replace '^#\s+', '').Trim().ToUpperInvariant() })
    foreach ($required in 'SHORT DESCRIPTION', 'LONG DESCRIPTION') {
        if ($headings -notcontains $required) { Stop-Conversion $file "the section '# $required' is missing." }
    }
    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('TOPIC'); $out.Add("    $topic"); $out.Add('')
    $inFence = $false
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $flush = {
        if ($paragraph.Count) {
            $text = $paragraph -join ' '
            $hanging = if ($text -match '^([-*]|\d+\.)\s') { 2 } else { 0 }
            foreach ($wrapped in Format-Wrapped $text 4 $hanging) { $out.Add($wrapped) }
            $out.Add(''); $paragraph.Clear()
        }
    }
    foreach ($line in $body) {
        if ($line -match '^\s*```') { & $flush; $inFence = -not $inFence; if (-not $inFence) { $out.Add('') }; continue }
        if ($inFence) { $out.Add("        $line"); continue }
        if ($line -match '^#\s+(.+)$') {
            & $flush
            if ($Matches[1].Trim() -ne $topic) { $out.Add($Matches[1].Trim().ToUpperInvariant()) }
            continue
        }
        if ($line -match '^#{2,}\s+(.+)$') { & $flush; $out.Add("  $($Matches[1].Trim())"); continue }
        if ($line.Trim() -eq '') { & $flush; continue }
        if ($line -match '^\s*([-*]|\d+\.)\s') { & $flush }
        $paragraph.Add($line.Trim())
    }
    & $flush
    ($out -join [Environment]::NewLine).TrimEnd() + [Environment]::NewLine
}

#endregion

function Invoke-PlatyPS {
    # The real converter, when it is installed.
    param([string] $Source, [string] $Target)
    Import-Module platyPS
    New-ExternalHelp -Path $Source -OutputPath $Target -Force | Out-Null
}

function Invoke-Conversion {
    param([string] $Source, [string] $Target)
    $pages = Get-ChildItem -LiteralPath $Source -Filter '*.md' | Where-Object Name -NotLike 'about_*'
    if (-not $pages) { throw "No cmdlet help pages (*.md) in '$Source'." }
    $commands = foreach ($page in $pages) { Read-CommandPage -Path $page.FullName }
    foreach ($group in $commands | Group-Object HelpFile) {
        (New-MamlDocument -Pages @($group.Group)).Save((Join-Path $Target $group.Name))
    }
    foreach ($about in Get-ChildItem -LiteralPath $Source -Filter 'about_*.md') {
        $text = ConvertTo-AboutText -Path $about.FullName
        [System.IO.File]::WriteAllText((Join-Path $Target "$($about.BaseName).help.txt"), $text, [System.Text.UTF8Encoding]::new($false))
    }
}

$source = (Resolve-Path -LiteralPath $DocsPath).ProviderPath
# Get-Help finds a binary module's help in the culture folder next to its dll.
$target = Join-Path $OutputPath 'en-US'
New-Item -ItemType Directory -Path $target -Force | Out-Null
if (Get-Module -ListAvailable -Name platyPS) {
    Invoke-PlatyPS -Source $source -Target $target
}
else {
    Invoke-Conversion -Source $source -Target $target
}
Write-Host "Help: $target"
