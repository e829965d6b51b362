using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Lists the numbers brought in on external SIP trunks (GET /api/v1/phone-numbers/trunks), page after page. The page shows
    /// no query parameters, so -Number and -Channel filter on the client, after each page arrives; the numbers of every
    /// piped object are looked for in one listing, at the end.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MhPhoneNumberTrunk", SupportsPaging = true)]
    [OutputType(typeof(PhoneNumber))]
    public sealed class GetMhPhoneNumberTrunkCommand : MhListCmdlet<PhoneNumber>
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("phone_number")]
        [ValidateE164("number")]
        public string[]? Number { get; set; }

        [Parameter]
        [ValidateTrunkChannel]
        [ArgumentCompleter(typeof(TrunkChannelCompleter))]
        public string? Channel { get; set; }

        // The numbers asked for, from the arguments and every piped object: one listing serves them all.
        private readonly List<string> _numbers = new List<string>();

        private protected override ListEndpoint<PhoneNumber> Endpoint => Endpoints.Trunks;

        protected override void ProcessRecord()
        {
            if (Number is not null) _numbers.AddRange(Number);
        }

        protected override void EndProcessing()
        {
            HashSet<string>? digits = _numbers.Count == 0 && !IsBound(nameof(Number)) && !MyInvocation.ExpectingInput
                ? null
                : new HashSet<string>(_numbers.Select(E164.Digits));
            string? channel = Channel is null ? null : PhoneNumberTrunks.ApiChannel(Channel);
            Func<PhoneNumber, bool>? include = digits is null && channel is null ? null : number =>
                (digits is null || digits.Contains(E164.Digits(number.Number ?? ""))) && (channel is null || HasTrunkOn(number, channel));
            if (digits is { Count: 0 }) return;
            List(NoFilters.Instance, digits is null ? null : string.Join(", ", _numbers), include: include);
        }

        /// <summary>A trunk is an agent binding on its channel: the number's binding there is bound (the list shows no trunk rows).</summary>
        private static bool HasTrunkOn(PhoneNumber number, string channel) =>
            (channel == "whatsapp" ? number.Bindings?.Whatsapp : number.Bindings?.Call) is { Bound: true };
    }
}
