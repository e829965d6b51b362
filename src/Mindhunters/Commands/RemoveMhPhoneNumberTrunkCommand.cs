using System.Management.Automation;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Removes a trunk: DELETE /api/v1/phone-numbers/trunks?phone_number=…&amp;channel=…. That removes the agent binding of the
    /// number on that channel, not the number: nothing is released or billed (the API deletes the underlying connection
    /// itself when nothing else uses it). It stops live calls, so it asks first (ConfirmImpact High).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MhPhoneNumberTrunk", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveMhPhoneNumberTrunkCommand : MhTrunkCmdlet
    {
        // Only so that -WhatIf and -Confirm can name the agent that loses the number.
        [Parameter(ValueFromPipeline = true)]
        public PhoneNumber? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var trunk = new TrunkSettings(Number, ApiChannel);
            AgentBinding? now = InputObject is { } piped && E164.Digits(piped.Number ?? "") == E164.Digits(Number)
                ? trunk.Channel == "whatsapp" ? piped.Bindings?.Whatsapp : piped.Bindings?.Call
                : null;
            string agent = now is { Bound: true } ? $" ({now.AgentName ?? now.AgentUuid} stops answering it)" : "";
            Send(new WriteIntent<PhoneNumberTrunk>(E164Number, TrunkNoun, E164Number,
                $"Remove the trunk for {trunk.Channel}: the number's agent binding on {trunk.Channel} is removed{agent}; the number itself is not released, deleted or billed",
                (shownAs, workspace) => PhoneNumberTrunks.Remove(trunk, workspace)));
        }
    }
}
