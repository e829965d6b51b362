using System;
using System.Linq;
using System.Management.Automation;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Changes a number's voice, sms and inbound settings with PATCH /api/v1/phone-numbers/{uuid}: one request per
    /// number, carrying only the settings given. What every write does (ShouldProcess, cleaning, the stop rules, the
    /// answer checks) is <see cref="MhWriteCmdlet"/>'s; this class says which number and what change.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MhPhoneNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PhoneNumber))]
    public sealed class SetMhPhoneNumberCommand : MhWriteCmdlet
    {
        private ChannelSettingsChange _change = new ChannelSettingsChange();
        private byte[] _body = new byte[0];

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("phone_number_uuid")]
        public Guid PhoneNumberUuid { get; set; }

        // Only so that -WhatIf and -Confirm can say what a setting is now, and nothing is sent when it already has every
        // value asked for: the number changed is PhoneNumberUuid's.
        [Parameter(ValueFromPipeline = true)]
        public PhoneNumber? InputObject { get; set; }

        [Parameter]
        public bool VoiceEnabled { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int VoiceChannelLimit { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        [ValidateCountryCode]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string[]? VoiceWhitelistedDestinations { get; set; }

        [Parameter]
        public bool SmsEnabled { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int SmsChannelLimit { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        [ValidateCountryCode]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string[]? SmsWhitelistedDestinations { get; set; }

        [Parameter]
        public bool InboundEnabled { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int InboundChannelLimit { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _change = new ChannelSettingsChange
            {
                VoiceEnabled = IsBound(nameof(VoiceEnabled)) ? VoiceEnabled : null,
                VoiceChannelLimit = IsBound(nameof(VoiceChannelLimit)) ? VoiceChannelLimit : null,
                VoiceWhitelistedDestinations = Codes(nameof(VoiceWhitelistedDestinations), VoiceWhitelistedDestinations),
                SmsEnabled = IsBound(nameof(SmsEnabled)) ? SmsEnabled : null,
                SmsChannelLimit = IsBound(nameof(SmsChannelLimit)) ? SmsChannelLimit : null,
                SmsWhitelistedDestinations = Codes(nameof(SmsWhitelistedDestinations), SmsWhitelistedDestinations),
                InboundEnabled = IsBound(nameof(InboundEnabled)) ? InboundEnabled : null,
                InboundChannelLimit = IsBound(nameof(InboundChannelLimit)) ? InboundChannelLimit : null,
            };
            if (_change.IsEmpty)
            {
                // The same for every piped number, so it stops the command before any request.
                Refuse(ErrorRecords.InvalidArgument(
                    new ArgumentException("Give at least one setting to change: -VoiceEnabled, -VoiceChannelLimit, -VoiceWhitelistedDestinations, -SmsEnabled, -SmsChannelLimit, -SmsWhitelistedDestinations, -InboundEnabled or -InboundChannelLimit."),
                    "MhNoSettingGiven", null));
            }
            _body = _change.ToJson();
        }

        protected override void ProcessRecord()
        {
            Guid uuid = PhoneNumberUuid;
            byte[] body = _body;
            // Values piped from another number must not be shown as this one's current values.
            PhoneNumber? shown = InputObject is { } piped && piped.PhoneNumberUuid == uuid ? piped : null;
            Send(new WriteIntent<PhoneNumber>(uuid, nameof(PhoneNumberUuid), ("phone number", "phone numbers"),
                shown?.Number is string number ? $"{number} ({uuid})" : uuid.ToString(),
                "Set channel settings: " + string.Join(", ", _change.Changes(shown?.ChannelSettings)),
                (shownAs, workspace) => ChannelSettingsChange.Request(uuid, body, shownAs, workspace))
            {
                PassThru = PassThru,
                AlreadySo = _change.IsSatisfiedBy(shown?.ChannelSettings) ? shown : null,
                Force = Force,
            });
        }

        /// <summary>Upper-case, as the API's examples write them ("US"); null when the parameter was not given.</summary>
        private string[]? Codes(string parameter, string[]? codes) =>
            IsBound(parameter) ? (codes ?? new string[0]).Select(CountryCodes.Normalize).ToArray() : null;
    }
}
