using System;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Mindhunters.Model
{
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
}
