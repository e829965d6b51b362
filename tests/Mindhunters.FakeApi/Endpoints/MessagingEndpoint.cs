using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// POST /api/v1/sms/send ({agentId, phoneNumber (E.164), message of 1 to 1600 characters}) and POST /api/v1/call
    /// ({agentId, participant {number, about}, …}) (shared/api/phone-number-lifecycle.md §5): each answers 200 with an id
    /// and a status, and is sent nowhere. What a raw POST is tested against.
    /// </summary>
    internal sealed class MessagingEndpoint : IApiEndpoint
    {
        private static int _lastId;

        public void Map(IEndpointRouteBuilder api)
        {
            api.MapPost("/sms/send", SendSmsAsync);
            api.MapPost("/call", CallAsync);
        }

        private static async Task SendSmsAsync(HttpContext context)
        {
            if (await RequestBody.ReadObjectAsync(context).ConfigureAwait(false) is not JsonElement body)
            {
                return;
            }

            string? message = RequestBody.String(body, "message");
            (string Field, string Details)? problem = !IsAgent(context, body) ? ("agentId", "The agent id field is required and must name an agent.")
                : !FakeNumbers.IsE164(RequestBody.String(body, "phoneNumber")) || !(RequestBody.String(body, "phoneNumber") ?? "").StartsWith('+') ? ("phoneNumber", "The phone number field must be in E.164 form.")
                : message is not { Length: >= 1 and <= 1600 } ? ("message", "The message field must be 1 to 1600 characters.")
                : null;
            if (problem is { } refused)
            {
                await ApiJson.WriteValidationErrorAsync(context, refused.Field, refused.Details).ConfigureAwait(false);
                return;
            }

            await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("success"u8, true);
                w.WriteString("message"u8, "SMS queued.");
                w.WritePropertyName("data"u8);
                w.WriteStartObject();
                w.WriteNumber("id"u8, Interlocked.Increment(ref _lastId));
                w.WriteString("status"u8, "queued");
                w.WriteNumber("segments"u8, 1 + (message!.Length / 160));
                w.WriteEndObject();
                w.WriteEndObject();
            }).ConfigureAwait(false);
        }

        private static async Task CallAsync(HttpContext context)
        {
            if (await RequestBody.ReadObjectAsync(context).ConfigureAwait(false) is not JsonElement body)
            {
                return;
            }

            string? number = body.TryGetProperty("participant", out JsonElement participant) && participant.ValueKind == JsonValueKind.Object ? RequestBody.String(participant, "number") : null;
            if (!IsAgent(context, body) || !FakeNumbers.IsE164(number))
            {
                await ApiJson.WriteValidationErrorAsync(context, IsAgent(context, body) ? "participant.number" : "agentId", "The field is required.").ConfigureAwait(false);
                return;
            }

            int id = Interlocked.Increment(ref _lastId);
            string agent = RequestBody.String(body, "agentId")!;
            await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => ApiJson.WriteData(w, writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("id"u8, id);
                writer.WriteString("agentId"u8, agent);
                writer.WriteString("status"u8, "queued");
                writer.WriteString("conversation_uuid"u8, Guid.NewGuid());
                writer.WriteString("contact_uuid"u8, Guid.NewGuid());
                writer.WriteNull("listen_url"u8);
                writer.WriteNull("record_url"u8);
                writer.WriteEndObject();
            })).ConfigureAwait(false);
        }

        private static bool IsAgent(HttpContext context, JsonElement body) =>
            Guid.TryParse(RequestBody.String(body, "agentId"), out Guid agent) && FakeAgents.TryIndexOf(agent, out int index) && index <= context.Scope().AgentCount;
    }
}
