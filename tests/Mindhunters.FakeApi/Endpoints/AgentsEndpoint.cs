using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// GET /api/v1/agents (shared/api/phone-number-admin.md): the scope's agents 1..AgentCount (<see cref="FakeAgents"/>).
    /// The page shows neither query parameters nor pagination; the fake pages it like the phone numbers (page,
    /// per_page 1..100, default 25, the same pagination block) and ignores every other name.
    /// </summary>
    internal sealed class AgentsEndpoint : IApiEndpoint
    {
        public const string Message = "Agents retrieved successfully.";

        public void Map(IEndpointRouteBuilder api) => api.MapGet("/agents", ServeAsync);

        private static Task ServeAsync(HttpContext context)
        {
            var errors = new List<KeyValuePair<string, string>>();
            (long page, int perPage) = QueryParser.Paging(context.Request.Query, QueryParser.DefaultPerPage, QueryParser.MaxPerPage, errors);
            if (errors.Count > 0)
            {
                return ApiJson.WriteValidationErrorAsync(context, errors[0].Key, errors[0].Value);
            }

            PageWindow window = PageWindow.Of(context.Scope().AgentCount, page, perPage, context.Scope().Faults);
            return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => ApiJson.WriteList(w, Message, window,
                (writer, position) => WriteAgent(writer, FakeAgents.Item(position + 1))));
        }

        internal static void WriteAgent(Utf8JsonWriter w, FakeAgentItem a)
        {
            w.WriteStartObject();
            w.WriteString("agent_uuid"u8, a.AgentUuid);
            w.WriteString("name"u8, a.Name);
            w.WriteString("description"u8, a.Description);
            w.WriteString("company_name"u8, a.CompanyName);
            w.WriteString("role"u8, a.Role);
            w.WriteString("objective"u8, a.Objective);
            w.WriteString("tone"u8, a.Tone);
            w.WriteString("behavior_guidelines"u8, a.BehaviorGuidelines);
            w.WriteString("company_service"u8, a.CompanyService);
            w.WriteString("topic"u8, a.Topic);
            w.WriteString("length_detail"u8, a.LengthDetail);
            w.WriteString("interest_of_product"u8, a.InterestOfProduct);
            w.WriteString("negative_response"u8, a.NegativeResponse);
            if (a.Status is not null)
            {
                w.WriteString("status"u8, a.Status); // copy B of the page has no status at all: sometimes left out
            }

            w.WriteString("custom_prompt"u8, a.CustomPrompt);
            w.WriteString("language"u8, a.Language);
            w.WriteString("speed"u8, a.Speed);
            w.WriteString("timezone"u8, a.Timezone);
            w.WriteBoolean("appointment_scheduling_enabled"u8, a.AppointmentSchedulingEnabled);
            w.WriteBoolean("appointment_scheduling_randomly"u8, a.AppointmentSchedulingRandomly);
            if (a.CustomLlmUrl is null)
            {
                w.WriteNull("custom_llm_url"u8);
            }
            else
            {
                w.WriteString("custom_llm_url"u8, a.CustomLlmUrl);
            }

            w.WriteString("recommendations"u8, a.Recommendations);
            w.WritePropertyName("settings"u8);
            w.WriteStartObject();
            w.WritePropertyName("voice"u8);
            w.WriteStartObject();
            w.WriteString("voice_id"u8, a.VoiceId); // the page shows the four objects empty; one key, so they show
            w.WriteEndObject();
            foreach (string part in (ReadOnlySpan<string>)["text", "memorize", "evaluation"])
            {
                w.WritePropertyName(part);
                w.WriteStartObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            WriteNotes(w, "guidelines"u8, a.Guidelines);
            WriteNotes(w, "notes"u8, a.Notes);
            w.WritePropertyName("procedures"u8);
            w.WriteStartArray();
            foreach (FakeProcedure procedure in a.Procedures)
            {
                w.WriteStartObject();
                w.WriteString("uuid"u8, procedure.Uuid);
                w.WriteString("name"u8, procedure.Name);
                w.WriteString("description"u8, procedure.Description);
                w.WritePropertyName("steps"u8);
                w.WriteStartArray();
                foreach (FakeProcedureStep step in procedure.Steps)
                {
                    w.WriteStartObject();
                    w.WriteNumber("order"u8, step.Order);
                    w.WriteString("description"u8, step.Description);
                    w.WriteString("intent_uuid"u8, step.IntentUuid);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("training"u8);
            w.WriteStartArray();
            foreach (FakeTraining training in a.Training)
            {
                w.WriteStartObject();
                w.WriteString("uuid"u8, training.Uuid);
                w.WriteString("content"u8, training.Content);
                w.WriteString("intent"u8, training.Intent);
                w.WriteString("response"u8, training.Response);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("webhooks_count"u8, a.Index % 3); // not on the page: the client must tolerate it
            w.WriteEndObject();
        }

        private static void WriteNotes(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<FakeAgentNote> notes)
        {
            w.WritePropertyName(name);
            w.WriteStartArray();
            foreach (FakeAgentNote note in notes)
            {
                w.WriteStartObject();
                w.WriteString("uuid"u8, note.Uuid);
                w.WriteString("content"u8, note.Content);
                w.WriteNumber("order"u8, note.Order);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }
}
