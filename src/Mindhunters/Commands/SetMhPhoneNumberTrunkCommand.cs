using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Changes a trunk: PATCH /api/v1/phone-numbers/trunks with only the values given (the API merges sip key by key and
    /// replaces additional_settings), and -AgentUuid through PUT …/trunks/assign. With both, the PATCH goes first, so the
    /// calls reach the new agent over the new settings; the move is sent only when the PATCH succeeded.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MhPhoneNumberTrunk", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PhoneNumberTrunk))]
    public sealed class SetMhPhoneNumberTrunkCommand : MhTrunkCmdlet
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
        [AllowEmptyString]
        [ValidateNotNull]
        public string? SipGateway { get; set; }

        [Parameter]
        [ValidateRange(1, 65535)]
        public int SipPort { get; set; }

        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? SipCredential { get; set; }

        [Parameter]
        public SwitchParameter ClearSipCredential { get; set; }

        [Parameter]
        [AllowEmptyString]
        [ValidateNotNull]
        public string? SipSecondaryGateway { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable? AdditionalSetting { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            string? problem = ClearSipCredential && SipCredential is not null ? "Give -SipCredential or -ClearSipCredential, not both."
                : !IsBound(nameof(AgentUuid)) && !IsBound(nameof(Direction)) && !IsBound(nameof(Name)) && !IsBound(nameof(SipGateway)) && !IsBound(nameof(SipPort))
                    && !IsBound(nameof(SipCredential)) && !ClearSipCredential && !IsBound(nameof(SipSecondaryGateway)) && !IsBound(nameof(AdditionalSetting))
                    && !MyInvocation.ExpectingInput
                    ? "Give at least one value to change: -AgentUuid, -Direction, -Name, -SipGateway, -SipPort, -SipCredential, -ClearSipCredential, -SipSecondaryGateway or -AdditionalSetting."
                    : null;
            if (problem is not null) Refuse(ErrorRecords.InvalidArgument(new ArgumentException(problem), "MhNoSettingGiven", null));
        }

        protected override void ProcessRecord()
        {
            if (IsBound(nameof(AgentUuid)) && RefusesEmpty(nameof(AgentUuid), AgentUuid)) return;
            TrunkSettings trunk;
            try
            {
                trunk = new TrunkSettings(Number, ApiChannel)
                {
                    Direction = Direction?.ToLowerInvariant(),
                    Name = Name,
                    SipGateway = SipGateway,
                    SipPort = IsBound(nameof(SipPort)) ? SipPort : null,
                    // An empty string clears a SIP key: -ClearSipCredential sends both empty.
                    SipUsername = ClearSipCredential ? "" : SipCredential?.UserName,
                    SipPassword = ClearSipCredential ? new SecureString() : SipCredential?.Password,
                    SipSecondaryGateway = SipSecondaryGateway,
                    AdditionalSettings = PlainValues.FromTable(AdditionalSetting, nameof(AdditionalSetting)),
                };
            }
            catch (ArgumentException e)
            {
                Refuse(ErrorRecords.InvalidArgument(e, "MhInvalidTrunkSetting", E164Number));
                return;
            }
            if (!trunk.ChangesSettings && AgentUuid is null)
            {
                Refuse(ErrorRecords.InvalidArgument(new ArgumentException($"Nothing to change for the trunk of {E164Number}: give a value to change, such as -SipGateway or -AgentUuid."),
                    "MhNoSettingGiven", E164Number), fromPipeline: true);
                return;
            }
            if (trunk.Direction is not null && trunk.Channel == "whatsapp")
            {
                Refuse(ErrorRecords.InvalidArgument(new ArgumentException("-Direction applies to the call channel only; the API ignores it on WhatsApp. Leave it out for a WhatsApp trunk."),
                    "MhInvalidTrunkSetting", E164Number), fromPipeline: MyInvocation.ExpectingInput);
                return;
            }

            Guid? agent = AgentUuid;
            string moveText = agent is Guid to ? $"move it to agent {to:D}" : "";
            string action = !trunk.ChangesSettings ? $"Move the trunk for {trunk.Channel} to agent {agent:D}"
                : $"Change the trunk for {trunk.Channel}: {string.Join(", ", trunk.Changes(update: true))}" + (moveText.Length > 0 ? "; then " + moveText : "");
            Func<string, string, WriteRequest<PhoneNumberTrunk>> move = (shownAs, workspace) => PhoneNumberTrunks.Assign(trunk, agent!.Value, workspace);
            bool both = trunk.ChangesSettings && agent is not null;
            Send(new WriteIntent<PhoneNumberTrunk>(E164Number, TrunkNoun, E164Number, action,
                trunk.ChangesSettings ? (shownAs, workspace) => PhoneNumberTrunks.Update(trunk, workspace) : move)
            {
                PassThru = PassThru,
                FollowUp = both ? move : null,
                NoteWhenFirstFails = "Nothing was changed, and the trunk was not moved to the other agent.",
                NoteWhenFollowUpFails = "The settings were changed, but the trunk was not moved to the other agent: run the command again (both requests set values, so sending them again is safe).",
                Secrets = trunk.SipPassword is { Length: > 0 } password ? new[] { password } : new SecureString[0],
            });
        }
    }
}
