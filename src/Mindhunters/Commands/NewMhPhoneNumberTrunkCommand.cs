using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Brings a number in on the customer's own SIP trunk: POST /api/v1/phone-numbers/trunks with the values given. A POST,
    /// never sent again once it may have arrived. The SIP password is a SecureString until the body is written.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MhPhoneNumberTrunk", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PhoneNumberTrunk))]
    public sealed class NewMhPhoneNumberTrunkCommand : MhTrunkCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("agent_uuid")]
        public Guid? AgentUuid { get; set; }

        [Parameter]
        [ValidateSet("Inbound", "Outbound", "Both")]
        public string? Direction { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SipGateway { get; set; }

        [Parameter]
        [ValidateRange(1, 65535)]
        public int SipPort { get; set; }

        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? SipCredential { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SipSecondaryGateway { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable? AdditionalSetting { get; set; }

        protected override void ProcessRecord()
        {
            if (IsBound(nameof(AgentUuid)) && RefusesEmpty(nameof(AgentUuid), AgentUuid)) return;
            if (Direction is not null && ApiChannel == "whatsapp")
            {
                Refuse(ErrorRecords.InvalidArgument(new ArgumentException("-Direction applies to the call channel only; the API ignores it on WhatsApp. Leave it out for a WhatsApp trunk."),
                    "MhInvalidTrunkSetting", E164Number), fromPipeline: MyInvocation.ExpectingInput);
                return;
            }
            TrunkSettings trunk;
            try
            {
                trunk = new TrunkSettings(Number, ApiChannel)
                {
                    AgentUuid = AgentUuid,
                    Direction = Direction?.ToLowerInvariant(),
                    Name = Name,
                    SipGateway = SipGateway,
                    SipPort = IsBound(nameof(SipPort)) ? SipPort : null,
                    SipUsername = SipCredential?.UserName,
                    SipPassword = SipCredential?.Password,
                    SipSecondaryGateway = SipSecondaryGateway,
                    AdditionalSettings = PlainValues.FromTable(AdditionalSetting, nameof(AdditionalSetting)),
                };
            }
            catch (ArgumentException e)
            {
                Refuse(ErrorRecords.InvalidArgument(e, "MhInvalidTrunkSetting", E164Number));
                return;
            }
            string changes = string.Join(", ", trunk.Changes());
            Send(new WriteIntent<PhoneNumberTrunk>(E164Number, TrunkNoun, E164Number,
                $"Register a trunk for {trunk.Channel}" + (changes.Length > 0 ? ": " + changes : ""),
                (shownAs, workspace) => PhoneNumberTrunks.Register(trunk, workspace))
            {
                PassThru = true,
                Secrets = trunk.SipPassword is SecureString password ? new[] { password } : new SecureString[0],
            });
        }
    }
}
