using System;
using System.Management.Automation;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// The base of the trunk write cmdlets: a trunk is a number on one channel, named by -Number and -Channel, both also
    /// from the pipeline by property name (a CSV row, a number listed by Get-MhPhoneNumberTrunk with -Channel given).
    /// </summary>
    public abstract class MhTrunkCmdlet : MhWriteCmdlet
    {
        private protected static readonly (string One, string Many) TrunkNoun = ("trunk", "trunks");

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("phone_number")]
        [ValidateE164("number")]
        public string Number { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateTrunkChannel]
        [ArgumentCompleter(typeof(TrunkChannelCompleter))]
        public string Channel { get; set; } = PhoneNumberTrunks.Call;

        /// <summary>"+390212345678": the number as it is sent and shown.</summary>
        private protected string E164Number => "+" + E164.Digits(Number);

        /// <summary>"call" or "whatsapp".</summary>
        private protected string ApiChannel => PhoneNumberTrunks.ApiChannel(Channel);

        /// <summary>A uuid parameter that was given (or piped) empty: refused for this object, nothing sent.</summary>
        private protected bool RefusesEmpty(string parameter, Guid? value)
        {
            if (value != Guid.Empty) return false;
            Refuse(ErrorRecords.EmptyUuid(parameter, "it names no agent", "an agent lookup that found nothing: check the name given to Get-MhAgent -Name"),
                fromPipeline: MyInvocation.ExpectingInput);
            return true;
        }
    }
}
