# Where a NuGet restore put a package's file. The restore writes the package folders it used (the global one, any
# fallback folders) into the project's obj/project.assets.json; the file is looked for in each.

function Find-RestoredPackageFile {
    param(
        [Parameter(Mandatory)] [string] $ProjectPath,
        # Under a package folder, lower case as NuGet lays it out: 'pester/5.7.1/tools/Pester.psd1'.
        [Parameter(Mandatory)] [string] $RelativePath
    )
    $assets = Get-Content (Join-Path (Split-Path $ProjectPath) 'obj/project.assets.json') -Raw | ConvertFrom-Json -AsHashtable
    @($assets.packageFolders.Keys | ForEach-Object { Join-Path $_ $RelativePath } | Where-Object { Test-Path $_ })[0]
}

Export-ModuleMember -Function Find-RestoredPackageFile
