using System.Text;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    /// <summary>The "channels" of a trunk's answer: call, sms, whatsapp and inbound.</summary>
    public sealed class TrunkChannels
    {
        [JsonInclude, JsonPropertyName("call"), JsonConverter(typeof(LenientObjectConverter<TrunkChannel>))]
        public TrunkChannel? Call { get; internal set; }

        [JsonInclude, JsonPropertyName("sms"), JsonConverter(typeof(LenientObjectConverter<TrunkChannel>))]
        public TrunkChannel? Sms { get; internal set; }

        [JsonInclude, JsonPropertyName("whatsapp"), JsonConverter(typeof(LenientObjectConverter<TrunkChannel>))]
        public TrunkChannel? Whatsapp { get; internal set; }

        [JsonInclude, JsonPropertyName("inbound"), JsonConverter(typeof(LenientObjectConverter<TrunkChannel>))]
        public TrunkChannel? Inbound { get; internal set; }

        /// <summary>"call: Support Desk (on, limit 5), whatsapp: unbound, …"</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            Append(text, "call", Call);
            Append(text, "sms", Sms);
            Append(text, "whatsapp", Whatsapp);
            Append(text, "inbound", Inbound);
            return text.Length == 0 ? "none" : text.ToString();
        }

        private static void Append(StringBuilder text, string name, TrunkChannel? channel)
        {
            if (channel is null) return;
            if (text.Length > 0) text.Append(", ");
            text.Append(name).Append(": ").Append(channel);
        }
    }
}
