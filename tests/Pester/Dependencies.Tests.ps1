# What Build puts in out/Mindhunters must also load in Windows PowerShell 5.1, which cannot run here. On .NET
# Framework nothing resolves a reference but the framework itself, the module folder and the module's own
# AssemblyResolve handler (which answers a request with the folder's copy when that copy's version is the same
# or higher). So every assembly reference of every dll we ship is read from its metadata and checked against that.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:shippedDlls = @(Get-ChildItem (Split-Path (Get-BuiltModulePath)) -Filter *.dll -ErrorAction SilentlyContinue |
            ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:moduleDir = Split-Path (Get-BuiltModulePath)

    # The framework assemblies our dlls may reference, at the highest version .NET Framework 4.7.2 (the oldest
    # that runs netstandard2.0 libraries without extra facades) and Windows PowerShell 5.1 provide.
    # Anything else must be shipped in the module folder. Add an entry only with its reason.
    $script:FrameworkAssemblies = @{
        # Every netstandard2.0 dll references the framework through this facade, part of .NET Framework since 4.7.1.
        'netstandard'                  = [version]'2.0.0.0'
        # PowerShell itself (5.1 is 3.0.0.0; PowerShell 7 answers it with its own); never ours to ship.
        'System.Management.Automation' = [version]'3.0.0.0'
    }

    # The identity and the references of a dll, read from its metadata without loading it.
    function script:Read-AssemblyMetadata([string] $Path) {
        $pe = [System.Reflection.PortableExecutable.PEReader]::new([System.IO.File]::OpenRead($Path))
        try {
            $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            [pscustomobject]@{
                Identity   = $reader.GetAssemblyDefinition().GetAssemblyName()
                References = @($reader.AssemblyReferences | ForEach-Object { $reader.GetAssemblyReference($_).GetAssemblyName() })
            }
        } finally {
            $pe.Dispose()
        }
    }

    function script:Get-Token([System.Reflection.AssemblyName] $Name) {
        $token = $Name.GetPublicKeyToken()
        if ($token) { [Convert]::ToHexString($token).ToLowerInvariant() } else { 'null' }
    }

    # Why a reference would not load on .NET Framework, or nothing when it would.
    function script:Test-Reference([System.Reflection.AssemblyName] $Reference) {
        $copy = Join-Path $moduleDir "$($Reference.Name).dll"
        if (Test-Path $copy) {
            $shipped = (Read-AssemblyMetadata $copy).Identity
            if ($shipped.Version -lt $Reference.Version) { return "$($Reference.FullName): the folder has only $($shipped.Version)" }
            if ((Get-Token $shipped) -ne (Get-Token $Reference)) { return "$($Reference.FullName): the folder's copy has public key token $(Get-Token $shipped)" }
            return
        }
        $allowed = $FrameworkAssemblies[$Reference.Name]
        if (-not $allowed) { return "$($Reference.FullName): neither shipped nor a .NET Framework 4.7.2 assembly" }
        if ($Reference.Version -gt $allowed) { return "$($Reference.FullName): .NET Framework 4.7.2 has only $allowed" }
    }
}

Describe 'The module folder' {
    It 'holds the module and its dependencies' {
        Join-Path $moduleDir 'Mindhunters.dll' | Should -Exist
        Join-Path $moduleDir 'System.Text.Json.dll' | Should -Exist
    }

    It 'does not ship System.Management.Automation.dll (the host brings its own)' {
        Join-Path $moduleDir 'System.Management.Automation.dll' | Should -Not -Exist
    }

    It 'ships System.Text.Json 8.0.x (assembly version 8.0.0.0), which PowerShell 7.4 on .NET 8 can load too' {
        $path = Join-Path $moduleDir 'System.Text.Json.dll'
        (Read-AssemblyMetadata $path).Identity.Version | Should -Be ([version]'8.0.0.0')
        [System.Diagnostics.FileVersionInfo]::GetVersionInfo($path).FileVersion | Should -BeLike '8.0.*'
        (Read-AssemblyMetadata (Join-Path $moduleDir 'Mindhunters.dll')).References.Where({ $_.Name -eq 'System.Text.Json' }).Version |
            Should -Be ([version]'8.0.0.0')
    }

    It 'ships only dlls that Mindhunters.dll needs, directly or through another shipped dll' {
        $needed = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
        $pending = [System.Collections.Generic.Queue[string]]::new()
        $pending.Enqueue('Mindhunters')
        while ($pending.Count -gt 0) {
            $name = $pending.Dequeue()
            $path = Join-Path $moduleDir "$name.dll"
            if (-not (Test-Path $path) -or -not $needed.Add($name)) { continue }
            (Read-AssemblyMetadata $path).References | ForEach-Object { $pending.Enqueue($_.Name) }
        }
        $unneeded = Get-ChildItem $moduleDir -Filter *.dll | Where-Object { -not $needed.Contains($_.BaseName) } | ForEach-Object Name
        $unneeded | Should -BeNullOrEmpty
    }
}

Describe 'Every reference of <Name> loads on .NET Framework 4.7.2' -ForEach $shippedDlls {
    It 'is in the module folder at that version or higher, or in the framework' {
        $problems = @((Read-AssemblyMetadata $Path).References | ForEach-Object { Test-Reference $_ })
        $problems | Should -BeNullOrEmpty
    }
}

Describe 'Import-Module after Remove-Module' {
    BeforeAll {
        $script:api = Start-FakeApi -Count 30 -Token 'reload-token'
    }

    AfterAll {
        Stop-FakeApi $api
    }

    It 'imports, removes and imports again in one process, and still lists numbers' {
        $result = Invoke-ChildPwsh -Environment @{ MIHU_TENANT = 'reload'; MIHU_API_TOKEN = 'reload-token'; MIHU_BASE_URI = $api.BaseUri } -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-BuiltModulePath)'
"first=`$(@(Get-MhPhoneNumber).Count)"
Remove-Module Mindhunters
"loaded=`$(@(Get-Module Mindhunters).Count)"
Import-Module '$(Get-BuiltModulePath)'
"second=`$(@(Get-MhPhoneNumber).Count)"
Import-Module '$(Get-BuiltModulePath)' -Force
"forced=`$(@(Get-MhPhoneNumber -First 5).Count)"
"@
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Be @('first=27', 'loaded=0', 'second=27', 'forced=5')
    }
}
