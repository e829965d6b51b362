using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    /// <summary>
    /// One channel of a number as a trunk's answer gives it: whether the number can carry it, its settings and its agent.
    /// WhatsApp gives only the agent, inbound only the settings.
    /// </summary>
    public sealed class TrunkChannel
    {
        [JsonInclude, JsonPropertyName("capable")]
        public bool? Capable { get; internal set; }

        [JsonInclude, JsonPropertyName("enabled")]
        public bool? Enabled { get; internal set; }

        [JsonInclude, JsonPropertyName("channel_limit")]
        public int? ChannelLimit { get; internal set; }

        [JsonInclude, JsonPropertyName("whitelisted_destinations"), JsonConverter(typeof(LenientStringArrayConverter))]
        public string[] WhitelistedDestinations { get; internal set; } = new string[0];

        [JsonInclude, JsonPropertyName("bound")]
        public bool? Bound { get; internal set; }

        // A string, as the page types it: a value that is not a uuid must still be read.
        [JsonInclude, JsonPropertyName("agent_uuid")]
        public string? AgentUuid { get; internal set; }

        [JsonInclude, JsonPropertyName("agent_name")]
        public string? AgentName { get; internal set; }

        /// <summary>"Support Desk (on, limit 5)", "unbound (off)", "not capable"; inbound, which has no agent: "on, limit 2".</summary>
        public override string ToString()
        {
            if (Capable == false) return "not capable";
            var parts = new List<string>();
            if (Enabled is bool enabled) parts.Add(enabled ? "on" : "off");
            if (ChannelLimit is int limit) parts.Add("limit " + limit.ToString(CultureInfo.InvariantCulture));
            if (WhitelistedDestinations.Length > 0) parts.Add(string.Join(" ", WhitelistedDestinations));
            string agent = Bound == true ? AgentName ?? AgentUuid ?? "bound" : Bound == false ? "unbound" : "";
            string settings = string.Join(", ", parts);
            if (agent.Length == 0) return settings;
            return settings.Length == 0 ? agent : $"{agent} ({settings})";
        }
    }
}
