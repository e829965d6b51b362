using System.Management.Automation;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Keeps -Token a SecureString but answers a plain string with how to pass one. Without it PowerShell says only
    /// "Cannot convert the "…" value of type System.String to type SecureString", which also echoes the token.
    /// </summary>
    internal sealed class SecureStringTokenAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string)
            {
                throw new ArgumentTransformationMetadataException(
                    "-Token takes a SecureString, not plain text, so the token stays out of the command history and of error messages. " +
                    "Pass one: -Token (Read-Host -Prompt 'API token' -AsSecureString) at the prompt; -Token (Get-Secret -Name MindhuntersApiToken) " +
                    "from a secret vault (Microsoft.PowerShell.SecretManagement); or, for a token already in a variable, " +
                    "-Token (ConvertTo-SecureString $token -AsPlainText -Force). In a runbook, MIHU_TENANT and MIHU_API_TOKEN need no Connect-MhAccount at all.");
            }
            return inputData;
        }
    }
}
