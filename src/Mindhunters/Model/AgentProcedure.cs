using System;
using System.Globalization;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    /// <summary>One of an agent's procedures: {uuid, name, description, steps[]}.</summary>
    public sealed class AgentProcedure
    {
        [JsonInclude, JsonPropertyName("uuid")]
        public Guid Uuid { get; internal set; }

        [JsonInclude, JsonPropertyName("name")]
        public string? Name { get; internal set; }

        [JsonInclude, JsonPropertyName("description")]
        public string? Description { get; internal set; }

        [JsonInclude, JsonPropertyName("steps"), JsonConverter(typeof(LenientPartListConverter<AgentProcedureStep>))]
        public PartList<AgentProcedureStep> Steps { get; internal set; } = PartList<AgentProcedureStep>.Empty;

        /// <summary>"Book a service (2 steps)".</summary>
        public override string ToString()
        {
            string name = Name ?? Description ?? Uuid.ToString();
            return Steps.Count == 1 ? name + " (1 step)" : string.Format(CultureInfo.InvariantCulture, "{0} ({1} steps)", name, Steps.Count);
        }
    }
}
