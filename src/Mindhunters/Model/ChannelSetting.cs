using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
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
}
