using System;
using System.Text.Json.Serialization;

namespace Mindhunters.Model
{
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
