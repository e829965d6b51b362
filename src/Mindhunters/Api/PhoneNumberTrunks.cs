using System;
using System.Net.Http;
using Mindhunters.Api.Json;
using Mindhunters.Model;

namespace Mindhunters.Api
{
    /// <summary>
    /// The writes of external SIP trunks (BYO numbers), one trunk being a number on one channel (call or whatsapp; SMS is not
    /// supported on trunks): POST /api/v1/phone-numbers/trunks registers, PATCH changes, PUT …/trunks/assign moves the trunk to
    /// another agent, DELETE …/trunks?phone_number=…&amp;channel=… removes the agent binding (the DELETE's path is not shown:
    /// it is taken to be the PATCH's). Register, update and assign answer with the number's channels.
    /// </summary>
    internal static class PhoneNumberTrunks
    {
        public const string Path = "api/v1/phone-numbers/trunks";
        public const string Call = "Call";
        public const string WhatsApp = "WhatsApp";

        private const string Command = "Set-MhPhoneNumberTrunk";

        /// <summary>"call" or "whatsapp", as the API names the channels.</summary>
        public static string ApiChannel(string channel) => channel.Equals(WhatsApp, StringComparison.OrdinalIgnoreCase) ? "whatsapp" : "call";

        /// <summary>POST: registers the trunk with every value given, the agent included. Never sent again once it may have arrived.</summary>
        public static WriteRequest<PhoneNumberTrunk> Register(TrunkSettings trunk, string workspace) =>
            Make(HttpMethod.Post, Path, trunk.ToJson(withAgent: true), trunk, $"Registering the trunk of {trunk.Number} for {trunk.Channel}", "New-MhPhoneNumberTrunk",
                $"Check the AgentUuid: no such agent exists in the workspace '{workspace}' (Get-MhAgent lists them).",
                $"Get-MhPhoneNumberTrunk -Number {trunk.Number} shows whether the trunk was registered; register it again only if it is not listed.");

        /// <summary>PATCH: the values given, never the agent (which moves through <see cref="Assign"/>).</summary>
        public static WriteRequest<PhoneNumberTrunk> Update(TrunkSettings trunk, string workspace) =>
            Make(HttpMethods.Patch, Path, trunk.ToJson(withAgent: false), trunk, $"Updating the trunk of {trunk.Number} for {trunk.Channel}", Command, NoTrunk(trunk, workspace));

        /// <summary>PUT …/assign: {phone_number, channel, agent_uuid}; keeps the number, its SIP credentials and channel settings.</summary>
        public static WriteRequest<PhoneNumberTrunk> Assign(TrunkSettings trunk, Guid agentUuid, string workspace) =>
            Make(HttpMethod.Put, Path + "/assign", new TrunkSettings(trunk.Number, trunk.Channel) { AgentUuid = agentUuid }.ToJson(withAgent: true), trunk,
                $"Moving the trunk of {trunk.Number} for {trunk.Channel} to agent {agentUuid:D}", Command, NoTrunk(trunk, workspace) + " The AgentUuid may not exist either (Get-MhAgent lists them).");

        /// <summary>DELETE …/trunks?phone_number={digits}&amp;channel=…: the number without its '+', which the page allows, so no '+' needs encoding.</summary>
        public static WriteRequest<PhoneNumberTrunk> Remove(TrunkSettings trunk, string workspace) =>
            Make(HttpMethod.Delete, $"{Path}?phone_number={E164.Digits(trunk.Number)}&channel={trunk.Channel}", new byte[0], trunk,
                $"Removing the trunk of {trunk.Number} for {trunk.Channel}", "Remove-MhPhoneNumberTrunk", NoTrunk(trunk, workspace), answerMayLackData: true);

        private static string NoTrunk(TrunkSettings trunk, string workspace) =>
            $"Check the Number and the Channel: the workspace '{workspace}' has no trunk of {trunk.Number} for {trunk.Channel} (Get-MhPhoneNumberTrunk lists them).";

        private static WriteRequest<PhoneNumberTrunk> Make(HttpMethod method, string path, byte[] body, TrunkSettings trunk, string what, string command, string notFound,
            string? whenUnsure = null, bool answerMayLackData = false) =>
            new WriteRequest<PhoneNumberTrunk>(method, path, body, MindhuntersJsonContext.Default.PhoneNumberTrunkItemResponse,
                ApiOperation.Write(what, command, notFound, whenUnsure: whenUnsure))
            {
                AboutNumber = trunk.Number,
                NumberOf = answer => answer.Number,
                HoldsSecret = trunk.SipPassword is not null,
                AnswerMayLackData = answerMayLackData,
            };
    }
}
