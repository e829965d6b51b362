using System;
using System.Management.Automation;
using System.Security;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Checks the token with one small request and stores the one connection of the process, as Connect-AzAccount and
    /// Connect-MgGraph do: a wrong token fails here, not at the first command. -SkipValidation stores it unchecked.
    /// </summary>
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
        public SwitchParameter SkipValidation { get; set; }

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
            string checkedText = SkipValidation ? "the token was not checked (-SkipValidation): the first command will" : Check(connection);
            ConnectionStore.Set(connection);
            // A line on the host, as Write-Host writes it (the information stream, PSHOST): 6>$null or -InformationAction Ignore hides it.
            WriteInformation(new HostInformationMessage { Message = $"Connected to the workspace '{connection.Subdomain}' at {connection.BaseUri}: {checkedText}." }, new[] { "PSHOST" });
            if (PassThru) WriteObject(MhContext.Of(connection));
        }

        /// <summary>
        /// Page 1 of the phone numbers at one item per page: the smallest documented request that needs the token, whose
        /// pagination also says how many numbers the workspace has. A refusal stops here and stores nothing (a 403 only
        /// warns: the token is valid, it may just not list numbers).
        /// </summary>
        /// <returns>What the check found, for the line that says where the connection goes.</returns>
        private string Check(MhConnection connection)
        {
            try
            {
                ListPage<PhoneNumber> page = Await(MhApiClient.Default.GetPageAsync(connection, Endpoints.PhoneNumbers, NoFilters.Instance, 1, 1, Log, null, CancellationToken));
                return page.Total is long total ? $"the token was accepted ({total} phone numbers)" : "the token was accepted";
            }
            catch (MhApiException e) when (e.Kind == MhErrorKind.PermissionDenied)
            {
                WriteWarning($"The token was accepted, but it may not list phone numbers ({e.StatusCode} {e.ApiMessage}): commands that do will fail with MhPermissionDenied.");
                return "the token was accepted, with a permission refused (see the warning)";
            }
            catch (MhApiException e)
            {
                MhConnection? previous = ConnectionStore.Current;
                string kept = previous is null
                    ? "so it stored no connection"
                    : $"so it stored nothing: the connection to '{previous.Subdomain}' at {previous.BaseUri} is still the one in use";
                Refuse(ErrorRecords.From(e.WithNote($"Connect-MhAccount checks the token with this request, {kept}. -SkipValidation connects without the check."), Subdomain));
                throw; // not reached: Refuse always throws
            }
        }
    }
}
