using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    // Every part reads as words in ToString, so Format-List and Export-Csv show meaning, not a type name.

    public sealed class PhoneNumberCompliance
    {
        [JsonInclude, JsonPropertyName("status")]
        public string? Status { get; internal set; }

        // The page shows requirements only as "[{}]": their shape is unknown, so each is kept as plain
        // dictionaries, lists and values rather than guessed into a class.
        [JsonInclude, JsonPropertyName("requirements"), JsonConverter(typeof(PlainObjectArrayConverter))]
        public IReadOnlyDictionary<string, object?>[] Requirements { get; internal set; } = new IReadOnlyDictionary<string, object?>[0];

        public override string ToString()
        {
            string status = Status ?? "unknown";
            return Requirements.Length switch
            {
                0 => status,
                1 => status + " (1 requirement)",
                _ => string.Format(CultureInfo.InvariantCulture, "{0} ({1} requirements)", status, Requirements.Length),
            };
        }
    }

    public sealed class PhoneNumberCapabilities
    {
        [JsonInclude, JsonPropertyName("voice")] public bool Voice { get; internal set; }
        [JsonInclude, JsonPropertyName("sms")] public bool Sms { get; internal set; }
        [JsonInclude, JsonPropertyName("mms")] public bool Mms { get; internal set; }
        [JsonInclude, JsonPropertyName("fax")] public bool Fax { get; internal set; }
        [JsonInclude, JsonPropertyName("emergency")] public bool Emergency { get; internal set; }
        [JsonInclude, JsonPropertyName("local_calling")] public bool LocalCalling { get; internal set; }

        /// <summary>The enabled capabilities as short names: "voice, sms, mms".</summary>
        public override string ToString() => Join(", ", "none", "voice", "sms", "mms", "fax", "emergency", "local_calling");

        /// <summary>A compact form for narrow table columns: "V S M".</summary>
        public string ToShortString() => Join(" ", "-", "V", "S", "M", "F", "E", "L");

        private string Join(string separator, string empty, string voice, string sms, string mms, string fax, string emergency, string local)
        {
            var parts = new List<string>(6);
            if (Voice) parts.Add(voice);
            if (Sms) parts.Add(sms);
            if (Mms) parts.Add(mms);
            if (Fax) parts.Add(fax);
            if (Emergency) parts.Add(emergency);
            if (LocalCalling) parts.Add(local);
            return parts.Count == 0 ? empty : string.Join(separator, parts);
        }
    }

    public sealed class PhoneNumberChannelSettings
    {
        [JsonInclude, JsonPropertyName("voice"), JsonConverter(typeof(LenientObjectConverter<ChannelSetting>))]
        public ChannelSetting? Voice { get; internal set; }

        [JsonInclude, JsonPropertyName("sms"), JsonConverter(typeof(LenientObjectConverter<ChannelSetting>))]
        public ChannelSetting? Sms { get; internal set; }

        [JsonInclude, JsonPropertyName("inbound"), JsonConverter(typeof(LenientObjectConverter<ChannelSetting>))]
        public ChannelSetting? Inbound { get; internal set; }

        public override string ToString()
        {
            var text = new StringBuilder();
            Append(text, "voice", Voice);
            Append(text, "sms", Sms);
            Append(text, "inbound", Inbound);
            return text.Length == 0 ? "none" : text.ToString();
        }

        private static void Append(StringBuilder text, string name, ChannelSetting? setting)
        {
            if (setting is null) return;
            if (text.Length > 0) text.Append(", ");
            text.Append(name).Append(": ").Append(setting);
        }
    }

    public sealed class ChannelSetting
    {
        [JsonInclude, JsonPropertyName("enabled")]
        public bool Enabled { get; internal set; }

        [JsonInclude, JsonPropertyName("channel_limit")]
        public int? ChannelLimit { get; internal set; }

        /// <summary>Empty for the inbound channel, which the API gives no whitelist.</summary>
        [JsonInclude, JsonPropertyName("whitelisted_destinations"), JsonConverter(typeof(LenientStringArrayConverter))]
        public string[] WhitelistedDestinations { get; internal set; } = new string[0];

        public override string ToString()
        {
            var text = new StringBuilder(Enabled ? "on" : "off");
            if (ChannelLimit is int limit) text.Append(" (limit ").Append(limit.ToString(CultureInfo.InvariantCulture)).Append(')');
            if (WhitelistedDestinations.Length > 0) text.Append(" [").Append(string.Join(" ", WhitelistedDestinations)).Append(']');
            return text.ToString();
        }
    }

    public sealed class PhoneNumberBilling
    {
        [JsonInclude, JsonPropertyName("monthly_fee")]
        public decimal? MonthlyFee { get; internal set; }

        [JsonInclude, JsonPropertyName("currency")]
        public string? Currency { get; internal set; }

        /// <summary>"4.99 EUR": invariant digits, so the text means the same in every culture and in CSV.</summary>
        public override string ToString()
        {
            string fee = MonthlyFee?.ToString("0.00##", CultureInfo.InvariantCulture) ?? "?";
            return string.IsNullOrEmpty(Currency) ? fee : fee + " " + Currency;
        }
    }

    public sealed class PhoneNumberBindings
    {
        [JsonInclude, JsonPropertyName("call"), JsonConverter(typeof(LenientObjectConverter<AgentBinding>))]
        public AgentBinding? Call { get; internal set; }

        [JsonInclude, JsonPropertyName("sms"), JsonConverter(typeof(LenientObjectConverter<AgentBinding>))]
        public AgentBinding? Sms { get; internal set; }

        [JsonInclude, JsonPropertyName("whatsapp"), JsonConverter(typeof(LenientObjectConverter<AgentBinding>))]
        public AgentBinding? Whatsapp { get; internal set; }

        /// <summary>The agent names of the bound channels ("call: Agent 7, sms: Agent 2"), or "none".</summary>
        public override string ToString()
        {
            var parts = new List<string>(3);
            Add(parts, "call", Call);
            Add(parts, "sms", Sms);
            Add(parts, "whatsapp", Whatsapp);
            return parts.Count == 0 ? "none" : string.Join(", ", parts);
        }

        /// <summary>The first bound agent's name, for a narrow table column.</summary>
        public string? FirstAgentName()
        {
            foreach (AgentBinding? binding in new[] { Call, Sms, Whatsapp })
            {
                if (binding is { Bound: true }) return binding.ToString();
            }
            return null;
        }

        private static void Add(List<string> parts, string channel, AgentBinding? binding)
        {
            if (binding is { Bound: true }) parts.Add(channel + ": " + binding);
        }
    }

    public sealed class AgentBinding
    {
        [JsonInclude, JsonPropertyName("bound")]
        public bool Bound { get; internal set; }

        // A string, as the page types it: a value that is not a uuid must still list.
        [JsonInclude, JsonPropertyName("agent_uuid")]
        public string? AgentUuid { get; internal set; }

        [JsonInclude, JsonPropertyName("agent_name")]
        public string? AgentName { get; internal set; }

        public override string ToString() => !Bound ? "unbound" : AgentName ?? AgentUuid ?? "bound";
    }
}
