using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// External SIP trunks, BYO numbers (shared/api/phone-number-lifecycle.md §2): GET, POST, PATCH and DELETE
    /// /api/v1/phone-numbers/trunks and PUT /api/v1/phone-numbers/trunks/assign. A trunk is a number on one channel
    /// (call or whatsapp); its number joins the scope's numbers (source external) with the first trunk and leaves with the
    /// last. What the pages do not show, the fake decides as its README says.
    /// </summary>
    internal sealed class TrunksEndpoint : IApiEndpoint
    {
        private static readonly string[] Channels = { "call", "whatsapp" };
        private static readonly string[] Directions = { "inbound", "outbound", "both" };
        private static readonly string[] SipKeys = { "gateway", "port", "username", "password", "secondary_gateway" };

        public void Map(IEndpointRouteBuilder api)
        {
            api.MapGet("/phone-numbers/trunks", ListAsync);
            api.MapPost("/phone-numbers/trunks", RegisterAsync);
            api.MapMethods("/phone-numbers/trunks", new[] { HttpMethods.Patch }, UpdateAsync);
            api.MapPut("/phone-numbers/trunks/assign", AssignAsync);
            api.MapDelete("/phone-numbers/trunks", RemoveAsync);
        }

        /// <summary>The numbers with a trunk, paged like the phone numbers; each the phone-number object with location and source.</summary>
        private static Task ListAsync(HttpContext context)
        {
            var errors = new List<KeyValuePair<string, string>>();
            (long page, int perPage) = QueryParser.Paging(context.Request.Query, QueryParser.DefaultPerPage, QueryParser.MaxPerPage, errors);
            if (errors.Count > 0)
            {
                return ApiJson.WriteValidationErrorAsync(context, errors[0].Key, errors[0].Value);
            }

            Scope scope = context.Scope();
            List<AddedNumber> trunks = scope.Numbers.All.Where(n => n.Source == AddedNumber.External && scope.Trunks.HasAny(n.Number.Index)).ToList();
            PageWindow window = PageWindow.Of(trunks.Count, page, perPage, scope.Faults);
            return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => ApiJson.WriteList(w, null, window,
                (writer, position) => PhoneNumberJson.Write(writer, scope.Current(trunks[position].Number), trunks[position].Location, trunks[position].Source)));
        }

        private static async Task RegisterAsync(HttpContext context)
        {
            Scope scope = context.Scope();
            if (await ReadTrunkAsync(context) is not (JsonElement body, string number, string channel))
            {
                return;
            }

            if (scope.Numbers.FindByNumber(number) is { Source: AddedNumber.Purchased } || FakeNumbers.TryIndexOf(number, scope.Count, out _))
            {
                await ApiJson.WriteValidationErrorAsync(context, "phone_number", $"The number {number} is already in your purchased inventory.").ConfigureAwait(false);
                return;
            }

            AddedNumber? existing = scope.Numbers.FindByNumber(number);
            if (existing is not null && scope.Trunks.Find(existing.Number.Index, channel) is not null)
            {
                await ApiJson.WriteValidationErrorAsync(context, "phone_number", $"The number {number} is already bound on the {channel} channel.").ConfigureAwait(false);
                return;
            }

            FakeTrunk? trunk = await ReadSettingsAsync(context, scope, body, channel, existing?.Number.Index ?? 0, null).ConfigureAwait(false);
            if (trunk is null)
            {
                return;
            }

            AddedNumber added = existing ?? scope.Numbers.Add((index, uuid) =>
            {
                string country = FakeNumbers.CountryOf(number);
                return new AddedNumber(FakeAddedNumbers.Number(index, uuid, FakeNumbers.Normalized(number), country, "local", 0m, true, DateTimeOffset.UtcNow),
                    FakeData.CountryNameOf(country) ?? country, AddedNumber.External);
            });
            scope.Trunks.Set(added.Number.Index, trunk);
            await WriteChannelsAsync(context, StatusCodes.Status201Created, "Trunk created", scope, added).ConfigureAwait(false);
        }

        private static async Task UpdateAsync(HttpContext context)
        {
            Scope scope = context.Scope();
            if (await ReadTrunkAsync(context) is not (JsonElement body, string number, string channel) || await FindAsync(context, scope, number, channel) is not (AddedNumber added, FakeTrunk current))
            {
                return;
            }

            FakeTrunk? updated = await ReadSettingsAsync(context, scope, body, channel, added.Number.Index, current).ConfigureAwait(false);
            if (updated is null)
            {
                return;
            }

            scope.Trunks.Set(added.Number.Index, updated);
            await WriteChannelsAsync(context, StatusCodes.Status200OK, "Trunk updated", scope, added).ConfigureAwait(false);
        }

        private static async Task AssignAsync(HttpContext context)
        {
            Scope scope = context.Scope();
            if (await ReadTrunkAsync(context) is not (JsonElement body, string number, string channel) || await FindAsync(context, scope, number, channel) is not (AddedNumber added, FakeTrunk current))
            {
                return;
            }

            if (RequestBody.String(body, "agent_uuid") is null)
            {
                await ApiJson.WriteValidationErrorAsync(context, "agent_uuid", "The agent uuid field is required.").ConfigureAwait(false);
                return;
            }

            FakeTrunk? moved = await ReadSettingsAsync(context, scope, body, channel, added.Number.Index, current).ConfigureAwait(false);
            if (moved is null)
            {
                return;
            }

            scope.Trunks.Set(added.Number.Index, current with { Agent = moved.Agent });
            await WriteChannelsAsync(context, StatusCodes.Status200OK, "Assigned", scope, added).ConfigureAwait(false);
        }

        /// <summary>?phone_number=…&amp;channel=…: the agent binding goes; the number goes with its last trunk. 200 {"success","message"}.</summary>
        private static async Task RemoveAsync(HttpContext context)
        {
            Scope scope = context.Scope();
            string? number = context.Request.Query["phone_number"].LastOrDefault()?.Trim();
            string? channel = context.Request.Query["channel"].LastOrDefault()?.Trim();
            if (!FakeNumbers.IsE164(number) || !Channels.Contains(channel))
            {
                string field = FakeNumbers.IsE164(number) ? "channel" : "phone_number";
                await ApiJson.WriteValidationErrorAsync(context, field, field == "channel" ? "The channel must be call or whatsapp." : "The phone number must be in E.164 form.").ConfigureAwait(false);
                return;
            }

            if (await FindAsync(context, scope, number!, channel!) is not (AddedNumber added, FakeTrunk _))
            {
                return;
            }

            scope.Trunks.Remove(added.Number.Index, channel!);
            if (!scope.Trunks.HasAny(added.Number.Index))
            {
                scope.Numbers.Remove(added);
            }

            await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("success"u8, true);
                w.WriteString("message"u8, "Trunk removed");
                w.WriteEndObject();
            }).ConfigureAwait(false);
        }

        /// <summary>The body, with phone_number (E.164) and channel (call or whatsapp; SMS refused); null after the error was written.</summary>
        private static async Task<(JsonElement Body, string Number, string Channel)?> ReadTrunkAsync(HttpContext context)
        {
            if (await RequestBody.ReadObjectAsync(context).ConfigureAwait(false) is not JsonElement body)
            {
                return null;
            }

            string? number = RequestBody.String(body, "phone_number");
            string? channel = RequestBody.String(body, "channel");
            string? problem = !FakeNumbers.IsE164(number) ? "phone_number"
                : channel == "sms" ? "channel:sms"
                : !Channels.Contains(channel) ? "channel"
                : null;
            switch (problem)
            {
                case null:
                    return (body, number!, channel!);
                case "phone_number":
                    await ApiJson.WriteValidationErrorAsync(context, "phone_number", "The phone number field is required and must be in E.164 form.").ConfigureAwait(false);
                    return null;
                case "channel:sms":
                    await ApiJson.WriteValidationErrorAsync(context, "channel", "SMS is not supported on external trunks; assign an SMS number with POST /api/v1/agents/{uuid}/channels/sms.").ConfigureAwait(false);
                    return null;
                default:
                    await ApiJson.WriteValidationErrorAsync(context, "channel", "The channel field is required and must be call or whatsapp.").ConfigureAwait(false);
                    return null;
            }
        }

        private static async Task<(AddedNumber, FakeTrunk)?> FindAsync(HttpContext context, Scope scope, string number, string channel)
        {
            AddedNumber? added = scope.Numbers.FindByNumber(number);
            FakeTrunk? trunk = added is null ? null : scope.Trunks.Find(added.Number.Index, channel);
            if (added is null || trunk is null)
            {
                await RequestBody.NotFoundAsync(context, "Trunk not found.", $"No trunk of {number} on the {channel} channel exists in this workspace.").ConfigureAwait(false);
                return null;
            }

            return (added, trunk);
        }

        /// <summary>
        /// The trunk with the body's values over <paramref name="current"/> (null: a new trunk with the defaults): sip merged
        /// key by key ("" clears a key), additional_settings replaced ({} clears), direction ignored on whatsapp, name kept
        /// when absent. Null after a 422 or 404 was written.
        /// </summary>
        private static async Task<FakeTrunk?> ReadSettingsAsync(HttpContext context, Scope scope, JsonElement body, string channel, int index, FakeTrunk? current)
        {
            FakeAgentItem? agent = current?.Agent;
            if (body.TryGetProperty("agent_uuid", out JsonElement agentValue) && agentValue.ValueKind != JsonValueKind.Null)
            {
                if (agentValue.ValueKind != JsonValueKind.String || !Guid.TryParseExact(agentValue.GetString(), "D", out Guid uuid))
                {
                    await ApiJson.WriteValidationErrorAsync(context, "agent_uuid", "The agent uuid must be a valid UUID.").ConfigureAwait(false);
                    return null;
                }

                if (!FakeAgents.TryIndexOf(uuid, out int agentIndex) || agentIndex > scope.AgentCount)
                {
                    await RequestBody.NotFoundAsync(context, "Agent not found.", $"No agent with uuid '{uuid}' exists in this workspace.").ConfigureAwait(false);
                    return null;
                }

                if (scope.Trunks.ServesAnother(uuid, channel, index))
                {
                    await ApiJson.WriteValidationErrorAsync(context, "agent_uuid", $"The agent already serves another number on the {channel} channel.").ConfigureAwait(false);
                    return null;
                }

                agent = FakeAgents.Item(agentIndex);
            }

            string direction = current?.Direction ?? "both";
            if (channel == "call" && RequestBody.String(body, "direction") is string given)
            {
                if (!Directions.Contains(given))
                {
                    await ApiJson.WriteValidationErrorAsync(context, "direction", "The direction must be inbound, outbound or both.").ConfigureAwait(false);
                    return null;
                }

                direction = given;
            }

            string name = RequestBody.String(body, "name") is { Length: > 0 } newName ? newName : current?.Name ?? $"{channel}_trunk_{FakeNumbers.Digits(RequestBody.String(body, "phone_number")!)}";
            var sip = new Dictionary<string, string>(current?.Sip ?? new Dictionary<string, string>());
            if (body.TryGetProperty("sip", out JsonElement sipValue) && sipValue.ValueKind != JsonValueKind.Null)
            {
                if (sipValue.ValueKind != JsonValueKind.Object)
                {
                    await ApiJson.WriteValidationErrorAsync(context, "sip", "The sip field must be an object.").ConfigureAwait(false);
                    return null;
                }

                foreach (JsonProperty key in sipValue.EnumerateObject())
                {
                    string field = "sip." + key.Name;
                    bool port = key.Name == "port";
                    bool valid = SipKeys.Contains(key.Name) && (port
                        ? key.Value.ValueKind == JsonValueKind.Number && key.Value.TryGetInt32(out int p) && p is >= 1 and <= 65535
                        : key.Value.ValueKind == JsonValueKind.String);
                    if (!valid)
                    {
                        await ApiJson.WriteValidationErrorAsync(context, field, port ? "The sip port must be an integer from 1 to 65535." : $"The {field} field must be a string.").ConfigureAwait(false);
                        return null;
                    }

                    string text = port ? key.Value.GetRawText() : key.Value.GetString()!;
                    if (text.Length == 0)
                    {
                        sip.Remove(key.Name);
                    }
                    else
                    {
                        sip[key.Name] = text;
                    }
                }
            }

            JsonObject? additional = current?.AdditionalSettings;
            if (body.TryGetProperty("additional_settings", out JsonElement additionalValue) && additionalValue.ValueKind != JsonValueKind.Null)
            {
                if (additionalValue.ValueKind != JsonValueKind.Object)
                {
                    await ApiJson.WriteValidationErrorAsync(context, "additional_settings", "The additional settings field must be an object.").ConfigureAwait(false);
                    return null;
                }

                additional = JsonNode.Parse(additionalValue.GetRawText()) as JsonObject;
            }

            return new FakeTrunk(channel, agent, direction, name, sip, additional);
        }

        private static Task WriteChannelsAsync(HttpContext context, int status, string message, Scope scope, AddedNumber added) =>
            ApiJson.WriteAsync(context, status, w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("success"u8, true);
                w.WriteString("message"u8, message);
                w.WritePropertyName("data"u8);
                ChannelsJson.Write(w, scope.Current(added.Number), added.Source);
                w.WriteEndObject();
            });
    }
}
