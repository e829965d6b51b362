using System;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    /// <summary>One phone number of the workspace, as GET /api/v1/phone-numbers lists it.</summary>
    public sealed class PhoneNumber
    {
        [JsonInclude, JsonPropertyName("phone_number_uuid")]
        public Guid PhoneNumberUuid { get; internal set; }

        [JsonInclude, JsonPropertyName("number")]
        public string? Number { get; internal set; }

        [JsonInclude, JsonPropertyName("country_code")]
        public string? CountryCode { get; internal set; }

        // "Sassari, Sardegna": on newer answers only (the trunks page shows it; the list page does not yet).
        [JsonInclude, JsonPropertyName("location")]
        public string? Location { get; internal set; }

        // Kept as strings, not enums: a value the API adds tomorrow must not break today's listing.
        [JsonInclude, JsonPropertyName("type")]
        public string? Type { get; internal set; }

        [JsonInclude, JsonPropertyName("is_external")]
        public bool IsExternal { get; internal set; }

        // "purchased" or "external" (a number brought in on an external SIP trunk); newer answers only, no set documented.
        [JsonInclude, JsonPropertyName("source")]
        public string? Source { get; internal set; }

        [JsonInclude, JsonPropertyName("status")]
        public string? Status { get; internal set; }

        // The nested parts each read as words in ToString, so Format-List and Export-Csv show meaning, not a type name.
        [JsonInclude, JsonPropertyName("compliance"), JsonConverter(typeof(LenientObjectConverter<PhoneNumberCompliance>))]
        public PhoneNumberCompliance? Compliance { get; internal set; }

        [JsonInclude, JsonPropertyName("capabilities"), JsonConverter(typeof(LenientObjectConverter<PhoneNumberCapabilities>))]
        public PhoneNumberCapabilities? Capabilities { get; internal set; }

        [JsonInclude, JsonPropertyName("channel_settings"), JsonConverter(typeof(LenientObjectConverter<PhoneNumberChannelSettings>))]
        public PhoneNumberChannelSettings? ChannelSettings { get; internal set; }

        [JsonInclude, JsonPropertyName("billing"), JsonConverter(typeof(LenientObjectConverter<PhoneNumberBilling>))]
        public PhoneNumberBilling? Billing { get; internal set; }

        [JsonInclude, JsonPropertyName("bindings"), JsonConverter(typeof(LenientObjectConverter<PhoneNumberBindings>))]
        public PhoneNumberBindings? Bindings { get; internal set; }

        [JsonInclude, JsonPropertyName("purchased_at")]
        public DateTimeOffset? PurchasedAt { get; internal set; }

        [JsonInclude, JsonPropertyName("updated_at")]
        public DateTimeOffset? UpdatedAt { get; internal set; }

        // Flat copies of the nested values people sort, filter, group and export on. The default table shows
        // these by name, so that what a column is called is what Sort-Object and Where-Object accept, and
        // Export-Csv writes a fee column a spreadsheet can sum. The nested parts stay as they are.

        /// <summary>Billing.MonthlyFee: a number, in <see cref="Currency"/>.</summary>
        [JsonIgnore]
        public decimal? MonthlyFee => Billing?.MonthlyFee;

        /// <summary>Billing.Currency, such as "EUR".</summary>
        [JsonIgnore]
        public string? Currency => Billing?.Currency;

        // The channel settings, named as Set-MhPhoneNumber's parameters, so an exported CSV edited in a spreadsheet
        // can be piped back into it. A phone number piped into Set-MhPhoneNumber binds them too, but the cmdlet
        // takes a number's own values as its current state, never as settings to send (see its help).

        /// <summary>ChannelSettings.Voice.Enabled; null when the API sent no voice settings.</summary>
        [JsonIgnore]
        public bool? VoiceEnabled => ChannelSettings?.Voice?.Enabled;

        /// <summary>ChannelSettings.Voice.ChannelLimit.</summary>
        [JsonIgnore]
        public int? VoiceChannelLimit => ChannelSettings?.Voice?.ChannelLimit;

        /// <summary>ChannelSettings.Voice.WhitelistedDestinations as one text, "US;GB": one cell in a CSV.</summary>
        [JsonIgnore]
        public string? VoiceWhitelistedDestinations => Joined(ChannelSettings?.Voice);

        [JsonIgnore]
        public bool? SmsEnabled => ChannelSettings?.Sms?.Enabled;

        [JsonIgnore]
        public int? SmsChannelLimit => ChannelSettings?.Sms?.ChannelLimit;

        [JsonIgnore]
        public string? SmsWhitelistedDestinations => Joined(ChannelSettings?.Sms);

        [JsonIgnore]
        public bool? InboundEnabled => ChannelSettings?.Inbound?.Enabled;

        [JsonIgnore]
        public int? InboundChannelLimit => ChannelSettings?.Inbound?.ChannelLimit;

        /// <summary>True when an agent is bound to the number on any channel (call, sms or whatsapp).</summary>
        [JsonIgnore]
        public bool IsBound => Bindings is { } bindings && (IsOn(bindings.Call) || IsOn(bindings.Sms) || IsOn(bindings.Whatsapp));

        /// <summary>The name of the agent that answers and makes calls on this number; null when none is bound for calls.</summary>
        [JsonIgnore]
        public string? CallAgentName => Bound(Bindings?.Call)?.AgentName;

        /// <summary>That agent's uuid, as the API gives it (a string: a value that is not a uuid must still list).</summary>
        [JsonIgnore]
        public string? CallAgentUuid => Bound(Bindings?.Call)?.AgentUuid;

        /// <summary>The agent that answers SMS on this number; null when none is bound for SMS.</summary>
        [JsonIgnore]
        public string? SmsAgentName => Bound(Bindings?.Sms)?.AgentName;

        [JsonIgnore]
        public string? SmsAgentUuid => Bound(Bindings?.Sms)?.AgentUuid;

        /// <summary>The agent that answers WhatsApp on this number; null when none is bound for WhatsApp.</summary>
        [JsonIgnore]
        public string? WhatsappAgentName => Bound(Bindings?.Whatsapp)?.AgentName;

        [JsonIgnore]
        public string? WhatsappAgentUuid => Bound(Bindings?.Whatsapp)?.AgentUuid;

        public override string ToString() => Number ?? PhoneNumberUuid.ToString();

        /// <summary>The separator of <see cref="VoiceWhitelistedDestinations"/> and <see cref="SmsWhitelistedDestinations"/>.</summary>
        internal const string ListSeparator = ";";

        private static string? Joined(ChannelSetting? setting) => setting is null ? null : string.Join(ListSeparator, setting.WhitelistedDestinations);

        private static bool IsOn(AgentBinding? binding) => binding is { Bound: true };

        private static AgentBinding? Bound(AgentBinding? binding) => IsOn(binding) ? binding : null;
    }
}
