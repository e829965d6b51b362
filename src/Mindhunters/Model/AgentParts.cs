using System;
using System.Globalization;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    // The lists inside an agent, typed as the page shows them; each reads as its text in ToString.

    /// <summary>One of an agent's guidelines or notes: {uuid, content, order}.</summary>
    public sealed class AgentNote
    {
        [JsonInclude, JsonPropertyName("uuid")]
        public Guid Uuid { get; internal set; }

        [JsonInclude, JsonPropertyName("content")]
        public string? Content { get; internal set; }

        [JsonInclude, JsonPropertyName("order")]
        public int? Order { get; internal set; }

        public override string ToString() => Content ?? "";
    }

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

    /// <summary>One step of a procedure: {order, description, intent_uuid}.</summary>
    public sealed class AgentProcedureStep
    {
        [JsonInclude, JsonPropertyName("order")]
        public int? Order { get; internal set; }

        [JsonInclude, JsonPropertyName("description")]
        public string? Description { get; internal set; }

        [JsonInclude, JsonPropertyName("intent_uuid")]
        public Guid IntentUuid { get; internal set; }

        /// <summary>"1. Ask for the registration number.".</summary>
        public override string ToString() =>
            Order is int order ? order.ToString(CultureInfo.InvariantCulture) + ". " + Description : Description ?? "";
    }

    /// <summary>One training entry of an agent: {uuid, content, intent, response}.</summary>
    public sealed class AgentTraining
    {
        [JsonInclude, JsonPropertyName("uuid")]
        public Guid Uuid { get; internal set; }

        [JsonInclude, JsonPropertyName("content")]
        public string? Content { get; internal set; }

        [JsonInclude, JsonPropertyName("intent")]
        public string? Intent { get; internal set; }

        [JsonInclude, JsonPropertyName("response")]
        public string? Response { get; internal set; }

        /// <summary>"Do you sell used cars? -> Yes, ...".</summary>
        public override string ToString() => Response is null ? Content ?? "" : (Content ?? "") + " -> " + Response;
    }
}
