using System.Text.Json.Serialization;
using Mindhunters.Model;

namespace Mindhunters.Api.Json
{
    /// <summary>
    /// The "data" of a channel assignment (POST /agents/{uuid}/channels/call/provision, /channels/sms): {"agent": {...}}.
    /// The provision page shows the agent and is cut after it; the SMS page shows no answer and is taken to be the same.
    /// </summary>
    internal sealed class AgentChannelAnswer
    {
        [JsonInclude, JsonPropertyName("agent"), JsonConverter(typeof(LenientObjectConverter<Agent>))]
        public Agent? Agent { get; internal set; }
    }
}
