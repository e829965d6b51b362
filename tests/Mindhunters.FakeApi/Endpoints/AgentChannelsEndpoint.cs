using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// Binding a number to an agent per channel (shared/api/phone-number-lifecycle.md §1):
    /// POST /api/v1/agents/{uuid}/channels/call/provision and POST /api/v1/agents/{uuid}/channels/sms, each with
    /// {"phone_number_uuid": …} (the SMS body is not shown: the fake takes the provision's). 200 with
    /// {"success":true,"message":…,"data":{"agent":{…}}}; a later GET lists the number with the agent on that channel,
    /// and an SMS assignment replaces the agent's SMS number (its other numbers list as unbound on SMS).
    /// </summary>
    internal sealed class AgentChannelsEndpoint : IApiEndpoint
    {
        public void Map(IEndpointRouteBuilder api)
        {
            api.MapPost("/agents/{uuid}/channels/call/provision", context => AssignAsync(context, "call"));
            api.MapPost("/agents/{uuid}/channels/sms", context => AssignAsync(context, "sms"));
        }

        private static async Task AssignAsync(HttpContext context, string channel)
        {
            Scope scope = context.Scope();
            string segment = (string)context.Request.RouteValues["uuid"]!;
            if (!Guid.TryParseExact(segment, "D", out Guid agentUuid) || !FakeAgents.TryIndexOf(agentUuid, out int agentIndex) || agentIndex > scope.AgentCount)
            {
                await RequestBody.NotFoundAsync(context, "Agent not found.", $"No agent with uuid '{segment}' exists in this workspace.").ConfigureAwait(false);
                return;
            }

            if (await RequestBody.ReadObjectAsync(context).ConfigureAwait(false) is not JsonElement body)
            {
                return;
            }

            string? numberText = RequestBody.String(body, "phone_number_uuid");
            if (numberText is null || !Guid.TryParseExact(numberText, "D", out Guid numberUuid))
            {
                await ApiJson.WriteValidationErrorAsync(context, "phone_number_uuid", "The phone number uuid field is required and must be a valid UUID.").ConfigureAwait(false);
                return;
            }

            FakePhoneNumber? number = scope.FindNumber(numberUuid);
            if (number is null)
            {
                await RequestBody.NotFoundAsync(context, "Phone number not found.", $"No phone number with uuid '{numberText}' exists in this workspace.").ConfigureAwait(false);
                return;
            }

            if (channel == "sms" && !number.Capabilities.Sms)
            {
                await ApiJson.WriteValidationErrorAsync(context, "phone_number_uuid", $"The number {number.Number} cannot send SMS, so it cannot be an agent's SMS number.").ConfigureAwait(false);
                return;
            }

            FakeAgentItem agent = FakeAgents.Item(agentIndex);
            scope.Bindings.Assign(number, channel, agent);
            string message = channel == "sms" ? "SMS number assigned to the agent." : "Call channel provisioned.";
            await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("success"u8, true);
                w.WriteString("message"u8, message);
                w.WritePropertyName("data"u8);
                w.WriteStartObject();
                w.WritePropertyName("agent"u8);
                AgentsEndpoint.WriteAgent(w, agent);
                w.WriteEndObject();
                w.WriteEndObject();
            }).ConfigureAwait(false);
        }
    }
}
