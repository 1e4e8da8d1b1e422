# Runs, verifies or updates the notebooks through NbRunner, building what they need; passes its exit code through.
# Usage: ./nbrunner.ps1 [-Mode verify|update|run] [-Path notebooks] [-JUnit out.xml] [-Jobs 2] [-Timeout 120]
# Written without module cmdlets (only .NET calls and native commands), so it also runs in a bare hosted PowerShell.
param(
    [ValidateSet('verify', 'update', 'run')]
    [string] $Mode = 'verify',
    [string[]] $Path = @([System.IO.Path]::Combine($PSScriptRoot, 'notebooks')),
    [string] $JUnit = '',
    [int] $Jobs = 1,
    [double] $Timeout = 120
)

$project = [System.IO.Path]::Combine($PSScriptRoot, 'tools', 'NbRunner')
$arguments = [System.Collections.Generic.List[string]]::new()
$arguments.AddRange([string[]]@('run', '--project', $project, '-c', 'Release', '--', $Mode))
$arguments.AddRange([string[]]$Path)
$arguments.AddRange([string[]]@('--jobs', [string]$Jobs, '--timeout', $Timeout.ToString([System.Globalization.CultureInfo]::InvariantCulture)))
if ($JUnit -ne '') {
    $arguments.AddRange([string[]]@('--junit', $JUnit))
}

& dotnet $arguments.ToArray()
exit $LASTEXITCODE
