# Starts and stops the Atlassian Cloud emulator (tests/JiraDeactivate.Emulator) for Pester tests.
# The emulator runs as its own process from the built dll; it prints one JSON line on stdout once listening.

Set-StrictMode -Version Latest

$script:EmulatorDll = Join-Path $PSScriptRoot '../JiraDeactivate.Emulator/bin/Release/net10.0/JiraDeactivate.Emulator.dll'

function Start-JiraEmulator {
    <#
    .SYNOPSIS
    Starts the emulator on a free loopback port and returns its connection details plus the Process.
    .EXAMPLE
    $emu = Start-JiraEmulator -Users 50 -ArgumentList '--rate-limit', '10'
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [ValidateRange(2, 200000)]
        [int] $Users = 200,

        [int] $Seed = 1,

        # More emulator options, e.g. '--latency-ms', '50', '--not-member-status', '200'.
        [string[]] $ArgumentList = @(),

        [ValidateRange(1, 300)]
        [int] $TimeoutSeconds = 30
    )

    $dll = [System.IO.Path]::GetFullPath($script:EmulatorDll)
    if (-not (Test-Path -LiteralPath $dll)) {
        throw "The emulator is not built: $dll is missing. Build it first: dotnet build tests/JiraDeactivate.Emulator -c Release"
    }

    $dotnet = if ($env:DOTNET_HOST_PATH) { $env:DOTNET_HOST_PATH } else { 'dotnet' }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
    foreach ($argument in @($dll, '--port', '0', '--users', "$Users", '--seed', "$Seed") + $ArgumentList) {
        $startInfo.ArgumentList.Add($argument)
    }
    $startInfo.UseShellExecute = $false
    # Only stdout is redirected: stderr (warnings) is left to the console so it can never fill up and block the emulator.
    $startInfo.RedirectStandardOutput = $true

    $process = [System.Diagnostics.Process]::Start($startInfo)
    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds($TimeoutSeconds))) {
        $process.Kill()
        $process.Dispose()
        throw "The emulator did not report its address within $TimeoutSeconds s."
    }
    if ([string]::IsNullOrEmpty($firstLine.Result)) {
        $process.WaitForExit(5000) | Out-Null
        $exitCode = if ($process.HasExited) { $process.ExitCode } else { 'none' }
        $process.Dispose()
        throw "The emulator exited before it was listening (exit code $exitCode); see its error output above."
    }

    $emulator = $firstLine.Result | ConvertFrom-Json
    $emulator | Add-Member -NotePropertyName Process -NotePropertyValue $process
    $emulator
}

function Stop-JiraEmulator {
    <#
    .SYNOPSIS
    Stops an emulator started by Start-JiraEmulator, by its process id.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [pscustomobject] $Emulator
    )

    process {
        $running = Get-Process -Id $Emulator.pid -ErrorAction SilentlyContinue
        if ($running) {
            $running.Kill()
            $running.WaitForExit(10000) | Out-Null
        }
        if ($Emulator.PSObject.Properties['Process'] -and $Emulator.Process) {
            $Emulator.Process.Dispose()
        }
    }
}

function Set-JiraEmulatorConfig {
    <#
    .SYNOPSIS
    Changes behaviour knobs of a running emulator and returns the whole new config.
    .EXAMPLE
    Set-JiraEmulatorConfig $emu @{ rateLimit = 5; notMemberStatus = 200 }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)]
        [pscustomobject] $Emulator,

        # Any subset of: latencyMs, rateLimit, errorRate, dropRate, slowRate, slowMs, notMemberStatus, unlimitedSeats,
        # fullApplicationRoles, listUndatedProducts, adminRetryAfter, adminPageSize, syncedGroup,
        # answerFault (invalidJson, htmlPage, truncatedBody, redirect), answerFaultStatus, redirectTo, dropAfterRate,
        # adminRateLimit, and for the v2 user search searchMaxLimit, searchJiraKey, searchServiceManagementKey,
        # searchListsUndated, searchProductId, searchFault (off, forbidden, methodNotAllowed, unreadable), searchOmits,
        # searchFailPage, searchFailTimes, searchFailStatus; for the access paths (issue 23) revokeStripsGroups,
        # syncedGroupRemoval (refuse, revert), syncedGroupFlags (externalSynced,managedBy,modifiable),
        # workspaceAriOwner (jira, jira-software), roleChangeStatus (204, 200).
        [Parameter(Mandatory, Position = 1)]
        [hashtable] $Config
    )

    $body = $Config | ConvertTo-Json -Compress
    Invoke-RestMethod -Method Post -Uri "$($Emulator.controlUrl)/config" -Body $body -ContentType 'application/json'
}

function Get-JiraEmulatorStats {
    <#
    .SYNOPSIS
    Request counts per route and status, 429s, dropped connections and the most concurrent requests seen.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)]
        [pscustomobject] $Emulator
    )

    Invoke-RestMethod -Method Get -Uri "$($Emulator.controlUrl)/stats"
}

function Get-JiraEmulatorState {
    <#
    .SYNOPSIS
    The emulator's current state (orgs, site, products, groups and members, users, credentials).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)]
        [pscustomobject] $Emulator
    )

    Invoke-RestMethod -Method Get -Uri "$($Emulator.controlUrl)/state"
}

Export-ModuleMember -Function Start-JiraEmulator, Stop-JiraEmulator, Set-JiraEmulatorConfig, Get-JiraEmulatorStats, Get-JiraEmulatorState
