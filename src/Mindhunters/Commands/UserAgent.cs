using System.Collections;
using System.Management.Automation;
using System.Threading;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>"Mindhunters-PowerShell/0.1.0 PowerShell/Core 7.6.9", taken from the first host that runs a cmdlet.</summary>
    internal static class UserAgent
    {
        private static int _set;

        public static void EnsureSet(PSCmdlet cmdlet)
        {
            if (Interlocked.Exchange(ref _set, 1) == 1) return;
            string edition = "Desktop", version = "5.1";
            if (cmdlet.SessionState.PSVariable.GetValue("PSVersionTable") is Hashtable table)
            {
                edition = table["PSEdition"]?.ToString() ?? edition;
                version = table["PSVersion"]?.ToString() ?? version;
            }
            MhApiClient.UserAgent = $"Mindhunters-PowerShell/{typeof(UserAgent).Assembly.GetName().Version?.ToString(3)} PowerShell/{edition} {version}";
        }
    }
}
