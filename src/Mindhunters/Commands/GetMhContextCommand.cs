using System.Management.Automation;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>Shows the connection in force and where its token came from; never the token.</summary>
    [Cmdlet(VerbsCommon.Get, "MhContext")]
    [OutputType(typeof(MhContext))]
    public sealed class GetMhContextCommand : MhCmdlet
    {
        protected override void EndProcessing()
        {
            WriteObject(MhContext.Of(ResolveConnection()));
        }
    }
}
