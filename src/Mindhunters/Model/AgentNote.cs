using System;
using System.Text.Json.Serialization;

namespace Mindhunters.Model
{
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
}
