using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using Mindhunters.Api.Json;

namespace Mindhunters.Api
{
    /// <summary>
    /// Binding a number to an agent for one channel: POST /api/v1/agents/{agent}/channels/call/provision for calls,
    /// POST /api/v1/agents/{agent}/channels/sms for SMS, each with {"phone_number_uuid": …}. The path names the agent; the
    /// SMS body is not shown on its page and is taken to be the provision's. A POST: never sent again once it may have
    /// arrived, although a provision is likely idempotent (the pages do not say so).
    /// </summary>
    internal static class AgentChannelAssignment
    {
        public const string Call = "Call";
        public const string Sms = "Sms";

        /// <summary>"api/v1/agents/{agent}/channels/call/provision" or "…/channels/sms", relative to the base URI.</summary>
        public static string PathOf(Guid agentUuid, string channel) =>
            Endpoints.Agents.Path + "/" + agentUuid.ToString("D") + (IsSms(channel) ? "/channels/sms" : "/channels/call/provision");

        public static bool IsSms(string channel) => string.Equals(channel, Sms, StringComparison.OrdinalIgnoreCase);

        /// <summary>{"phone_number_uuid":"…"}</summary>
        public static byte[] Body(Guid phoneNumberUuid)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("phone_number_uuid", phoneNumberUuid.ToString("D"));
                writer.WriteEndObject();
            }
            return stream.ToArray();
        }

        /// <param name="shownAs">The number as messages name it: "+15550001 (3c90…)".</param>
        /// <param name="workspace">The subdomain, for the advice when the number or the agent does not exist.</param>
        public static WriteRequest<AgentChannelAnswer> Request(Guid agentUuid, Guid phoneNumberUuid, string channel, string shownAs, string workspace) =>
            new WriteRequest<AgentChannelAnswer>(HttpMethod.Post, PathOf(agentUuid, channel), Body(phoneNumberUuid),
                MindhuntersJsonContext.Default.AgentChannelAnswerItemResponse,
                ApiOperation.Write($"Binding phone number {shownAs} to agent {agentUuid:D} for {(IsSms(channel) ? "SMS" : "calls")}", "Set-MhPhoneNumberBinding",
                    $"Check the PhoneNumberUuid and the AgentUuid: one of them does not exist in the workspace '{workspace}' (Get-MhPhoneNumber and Get-MhAgent list them).",
                    whenUnsure: $"Get-MhPhoneNumber -BoundToAgentUuid {agentUuid:D} shows whether the number is bound to the agent now; bind it again only if it is not."))
            {
                About = agentUuid,
                // An answer that names no agent says nothing about which one it is: there is nothing to compare then.
                IdOf = answer => answer.Agent is { AgentUuid: var uuid } && uuid != Guid.Empty ? uuid : agentUuid,
            };
    }
}
