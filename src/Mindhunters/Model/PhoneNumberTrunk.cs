using System;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    /// <summary>
    /// A number brought in on an external SIP trunk, as the trunk endpoints answer (register, update, assign): the number
    /// and its channels, with the agent on each. The SIP settings are stored encrypted and never returned.
    /// </summary>
    public sealed class PhoneNumberTrunk
    {
        [JsonInclude, JsonPropertyName("phone_number_uuid")]
        public Guid PhoneNumberUuid { get; internal set; }

        [JsonInclude, JsonPropertyName("number")]
        public string? Number { get; internal set; }

        [JsonInclude, JsonPropertyName("is_external")]
        public bool IsExternal { get; internal set; }

        // "external" for a number brought in on a trunk; no value set is documented.
        [JsonInclude, JsonPropertyName("source")]
        public string? Source { get; internal set; }

        [JsonInclude, JsonPropertyName("channels"), JsonConverter(typeof(LenientObjectConverter<TrunkChannels>))]
        public TrunkChannels? Channels { get; internal set; }

        // Flat copies for the table, Where-Object and Export-Csv: the agent that answers on each channel.

        /// <summary>The agent on the call channel; null when none is bound.</summary>
        [JsonIgnore]
        public string? CallAgentName => Channels?.Call is { Bound: true } call ? call.AgentName ?? call.AgentUuid : null;

        /// <summary>The agent on the WhatsApp channel; null when none is bound.</summary>
        [JsonIgnore]
        public string? WhatsappAgentName => Channels?.Whatsapp is { Bound: true } whatsapp ? whatsapp.AgentName ?? whatsapp.AgentUuid : null;

        /// <summary>The agent on the SMS channel (bound with Set-MhPhoneNumberBinding, not by a trunk); null when none is.</summary>
        [JsonIgnore]
        public string? SmsAgentName => Channels?.Sms is { Bound: true } sms ? sms.AgentName ?? sms.AgentUuid : null;

        public override string ToString() => Number ?? PhoneNumberUuid.ToString();
    }
}
