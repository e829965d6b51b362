using System.Text;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
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
}
