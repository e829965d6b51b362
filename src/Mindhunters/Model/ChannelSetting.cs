using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    public sealed class ChannelSetting
    {
        private bool _enabled;
        private string[] _whitelistedDestinations = new string[0];

        [JsonInclude, JsonPropertyName("enabled")]
        public bool Enabled
        {
            get => _enabled;
            internal set
            {
                _enabled = value;
                EnabledShown = true;
            }
        }

        [JsonInclude, JsonPropertyName("channel_limit")]
        public int? ChannelLimit { get; internal set; }

        /// <summary>Empty for the inbound channel, which the API gives no whitelist.</summary>
        [JsonInclude, JsonPropertyName("whitelisted_destinations"), JsonConverter(typeof(LenientStringArrayConverter))]
        public string[] WhitelistedDestinations
        {
            get => _whitelistedDestinations;
            internal set
            {
                _whitelistedDestinations = value;
                WhitelistShown = true;
            }
        }

        // Whether the answer had the field at all: a missing one reads as false or empty, which must not pass for a
        // value the number has (a write is skipped only when the number shows every value asked for).
        internal bool EnabledShown { get; private set; }

        internal bool WhitelistShown { get; private set; }

        public override string ToString()
        {
            var text = new StringBuilder(Enabled ? "on" : "off");
            if (ChannelLimit is int limit) text.Append(" (limit ").Append(limit.ToString(CultureInfo.InvariantCulture)).Append(')');
            if (WhitelistedDestinations.Length > 0) text.Append(" [").Append(string.Join(" ", WhitelistedDestinations)).Append(']');
            return text.ToString();
        }
    }
}
