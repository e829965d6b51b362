using System.Collections.Generic;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
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
}
