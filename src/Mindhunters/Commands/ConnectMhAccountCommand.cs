using System;
using System.Management.Automation;
using System.Security;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>Stores the one connection of the process. No request is made: the first call checks the token.</summary>
    [Cmdlet(VerbsCommunications.Connect, "MhAccount")]
    [OutputType(typeof(MhContext))]
    public sealed class ConnectMhAccountCommand : MhCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Subdomain { get; set; } = "";

        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        [SecureStringToken]
        public SecureString Token { get; set; } = new SecureString();

        [Parameter]
        [ValidateNotNull]
        [BaseUriTransformation]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = MhConnection.DefaultTimeoutSec;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            MhConnection connection;
            try
            {
                connection = MhConnection.Create(Subdomain, Token, BaseUri, TimeoutSec, TokenOrigin.ConnectMhAccount);
            }
            catch (ArgumentException e)
            {
                Refuse(ErrorRecords.InvalidArgument(e, "MhInvalidConnection", Subdomain));
                return;
            }
            ConnectionStore.Set(connection);
            WriteVerboseLine($"Connected to {connection.Subdomain} at {connection.BaseUri} (no request made; the first command checks the token).");
            if (PassThru) WriteObject(MhContext.Of(connection));
        }
    }
}
