using System.Text.Json.Serialization;

namespace Mindhunters.Model
{
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
