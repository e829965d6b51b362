using System;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    /// <summary>
    /// One AI agent of the workspace, as GET /api/v1/agents lists it. The page was cut off inside "training", so
    /// what follows it there is unknown: the reader skips any field it does not know, and every field here may be
    /// missing (the copy of the page without "status" is as real as the one with it).
    /// </summary>
    public sealed class Agent
    {
        [JsonInclude, JsonPropertyName("agent_uuid")]
        public Guid AgentUuid { get; internal set; }

        [JsonInclude, JsonPropertyName("name")]
        public string? Name { get; internal set; }

        // Strings, not enums: the page shows "pending" only as an example and lists no set.
        [JsonInclude, JsonPropertyName("status")]
        public string? Status { get; internal set; }

        [JsonInclude, JsonPropertyName("language")]
        public string? Language { get; internal set; }

        [JsonInclude, JsonPropertyName("timezone")]
        public string? Timezone { get; internal set; }

        [JsonInclude, JsonPropertyName("description")]
        public string? Description { get; internal set; }

        [JsonInclude, JsonPropertyName("company_name")]
        public string? CompanyName { get; internal set; }

        [JsonInclude, JsonPropertyName("role")]
        public string? Role { get; internal set; }

        [JsonInclude, JsonPropertyName("objective")]
        public string? Objective { get; internal set; }

        [JsonInclude, JsonPropertyName("tone")]
        public string? Tone { get; internal set; }

        [JsonInclude, JsonPropertyName("behavior_guidelines")]
        public string? BehaviorGuidelines { get; internal set; }

        [JsonInclude, JsonPropertyName("company_service")]
        public string? CompanyService { get; internal set; }

        [JsonInclude, JsonPropertyName("topic")]
        public string? Topic { get; internal set; }

        [JsonInclude, JsonPropertyName("length_detail")]
        public string? LengthDetail { get; internal set; }

        [JsonInclude, JsonPropertyName("interest_of_product")]
        public string? InterestOfProduct { get; internal set; }

        [JsonInclude, JsonPropertyName("negative_response")]
        public string? NegativeResponse { get; internal set; }

        [JsonInclude, JsonPropertyName("custom_prompt")]
        public string? CustomPrompt { get; internal set; }

        // A string on the page ("speed": "<string>"); a server that sends 1.1 still lists, as "1.1".
        [JsonInclude, JsonPropertyName("speed")]
        public string? Speed { get; internal set; }

        [JsonInclude, JsonPropertyName("appointment_scheduling_enabled")]
        public bool AppointmentSchedulingEnabled { get; internal set; }

        [JsonInclude, JsonPropertyName("appointment_scheduling_randomly")]
        public bool AppointmentSchedulingRandomly { get; internal set; }

        [JsonInclude, JsonPropertyName("custom_llm_url")]
        public string? CustomLlmUrl { get; internal set; }

        [JsonInclude, JsonPropertyName("recommendations")]
        public string? Recommendations { get; internal set; }

        // The page shows voice, text, memorize and evaluation as empty objects: their contents are unknown, so they
        // are kept as plain dictionaries and values ($agent.Settings.voice.voice_id) rather than guessed into classes.
        [JsonInclude, JsonPropertyName("settings"), JsonConverter(typeof(PlainObjectConverter))]
        public AgentSettings Settings { get; internal set; } = new AgentSettings();

        // The lists inside an agent, typed as the page shows them; each part reads as its text in ToString.
        [JsonInclude, JsonPropertyName("guidelines"), JsonConverter(typeof(LenientPartListConverter<AgentNote>))]
        public PartList<AgentNote> Guidelines { get; internal set; } = PartList<AgentNote>.Empty;

        [JsonInclude, JsonPropertyName("notes"), JsonConverter(typeof(LenientPartListConverter<AgentNote>))]
        public PartList<AgentNote> Notes { get; internal set; } = PartList<AgentNote>.Empty;

        [JsonInclude, JsonPropertyName("procedures"), JsonConverter(typeof(LenientPartListConverter<AgentProcedure>))]
        public PartList<AgentProcedure> Procedures { get; internal set; } = PartList<AgentProcedure>.Empty;

        [JsonInclude, JsonPropertyName("training"), JsonConverter(typeof(LenientPartListConverter<AgentTraining>))]
        public PartList<AgentTraining> Training { get; internal set; } = PartList<AgentTraining>.Empty;

        public override string ToString() => Name ?? AgentUuid.ToString();
    }
}
