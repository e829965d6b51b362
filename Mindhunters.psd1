@{
    RootModule           = 'Mindhunters.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1f3c52-8d2e-4c0a-9a57-3f4b7de0a9b1'
    Author               = 'MindhuntersPS contributors'
    CompanyName          = 'Mindhunters'
    Copyright            = '(c) 2026 MindhuntersPS contributors. MIT License.'
    Description          = 'PowerShell module for the Mindhunters (Mihu) voice and messaging AI-agent platform: list and filter a workspace''s phone numbers, agents and call rates, change the numbers'' channel settings, bind numbers to agents, bring your own numbers on SIP trunks, buy numbers and reach any endpoint with a raw request, with paging, retries and safe token handling.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('Mindhunters.Format.ps1xml')
    CmdletsToExport      = @('Connect-MhAccount', 'Disconnect-MhAccount', 'Get-MhContext', 'Get-MhPhoneNumber', 'Set-MhPhoneNumber', 'Get-MhAgent', 'Get-MhPhoneNumberRate',
        'Set-MhPhoneNumberBinding', 'Get-MhPhoneNumberTrunk', 'New-MhPhoneNumberTrunk', 'Set-MhPhoneNumberTrunk', 'Remove-MhPhoneNumberTrunk',
        'New-MhPhoneNumber', 'Invoke-MhRequest')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Mindhunters', 'Mihu', 'telephony', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/mindhunters/MindhuntersPS'
            LicenseUri   = 'https://github.com/mindhunters/MindhuntersPS/blob/main/LICENSE'
            ReleaseNotes = 'First release: Get-MhPhoneNumber with filters, paging, retries and safe token handling; Get-MhAgent, Get-MhPhoneNumberRate and Set-MhPhoneNumber; Connect-MhAccount, Disconnect-MhAccount, Get-MhContext. See CHANGELOG.md.'
        }
    }
}
