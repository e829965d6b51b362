using System.Management.Automation;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>Forgets the Connect-MhAccount connection; the MIHU_* variables apply again if set.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "MhAccount")]
    [OutputType(typeof(void))]
    public sealed class DisconnectMhAccountCommand : MhCmdlet
    {
        protected override void EndProcessing()
        {
            bool wasConnected = ConnectionStore.Current is not null;
            ConnectionStore.Clear();
            WriteVerboseLine(wasConnected ? "Disconnected." : "There was no Connect-MhAccount connection to forget.");
        }
    }
}
