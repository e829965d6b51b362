using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The control API (no auth), what tests use to set up and look at a scope. At the root: POST /_fake/scopes makes
    /// a scope, DELETE /_fake/scopes/{id} drops it. Under a scope's base URI (or the root, for the root scope):
    /// /_fake/requests, /_fake/in-flight, /_fake/faults, /_fake/channel-settings, /_fake/count, /_fake/agent-count.
    /// </summary>
    internal static class ControlApi
    {
        public static void Map(IEndpointRouteBuilder routes, ScopeRegistry scopes)
        {
            routes.MapPost("/_fake/scopes", context => CreateScopeAsync(context, scopes));
            routes.MapDelete("/_fake/scopes/{id}", context => DropScopeAsync(context, scopes));

            routes.MapGet("/_fake/requests", context =>
                WriteAsync(context, StatusCodes.Status200OK, JsonSerializer.Serialize(context.Scope().Log.Snapshot(), FakeApiJson.Options)));
            routes.MapDelete("/_fake/requests", context => Done(context, () => context.Scope().Log.Clear()));
            routes.MapGet("/_fake/in-flight", context => WriteCountAsync(context, context.Scope().InFlight));

            routes.MapGet("/_fake/faults", context => WriteAsync(context, StatusCodes.Status200OK, FakeApiJson.Write(context.Scope().Faults)));
            routes.MapMethods("/_fake/faults", new[] { HttpMethods.Post, HttpMethods.Put }, ReplaceFaultsAsync);
            routes.MapDelete("/_fake/faults", context => Done(context, () => context.Scope().Faults = new FaultSettings()));

            routes.MapDelete("/_fake/channel-settings", context => Done(context, () => context.Scope().Channels.Clear()));

            routes.MapGet("/_fake/count", context => WriteCountAsync(context, context.Scope().Count));
            routes.MapMethods("/_fake/count", new[] { HttpMethods.Put, HttpMethods.Post }, context => SetCountAsync(context, (scope, n) => scope.Count = n));
            routes.MapGet("/_fake/agent-count", context => WriteCountAsync(context, context.Scope().AgentCount));
            routes.MapMethods("/_fake/agent-count", new[] { HttpMethods.Put, HttpMethods.Post }, context => SetCountAsync(context, (scope, n) => scope.AgentCount = n));
        }

        /// <summary>
        /// The body is a <see cref="ScopeSettings"/> ({"count":..,"agent_count":..,"token":..,"faults":{..}}, all
        /// optional) and may carry "arguments": a command line as the process takes it ("--latency-ms", "50"), applied
        /// over the rest. Answers 201 with {"id","base_uri","process_id"}.
        /// </summary>
        private static async Task CreateScopeAsync(HttpContext context, ScopeRegistry scopes)
        {
            ScopeSettings settings;
            try
            {
                string text = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
                JsonObject body = text.Trim().Length == 0 ? new JsonObject() : JsonNode.Parse(text) as JsonObject ?? throw new FormatException("The scope's settings must be a JSON object.");
                string[] arguments = body.TryGetPropertyValue("arguments", out JsonNode? list) && list is not null
                    ? JsonSerializer.Deserialize<string[]>(list) ?? Array.Empty<string>()
                    : Array.Empty<string>();
                body.Remove("arguments");
                settings = CommandLine.ParseScope(arguments, FakeApiJson.Read<ScopeSettings>(body.ToJsonString()));
            }
            catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
            {
                await WriteBadRequestAsync(context, ex.Message).ConfigureAwait(false);
                return;
            }

            Scope scope = scopes.Create(settings);
            string baseUri = $"{context.Request.Scheme}://{context.Request.Host}{ScopeRouting.Prefix}{scope.Id}/";
            context.Response.Headers.Location = baseUri;
            var answer = new JsonObject { ["id"] = scope.Id, ["base_uri"] = baseUri, ["process_id"] = Environment.ProcessId };
            await WriteAsync(context, StatusCodes.Status201Created, answer.ToJsonString()).ConfigureAwait(false);
        }

        private static Task DropScopeAsync(HttpContext context, ScopeRegistry scopes)
        {
            string id = (string)context.Request.RouteValues["id"]!;
            return scopes.Remove(id)
                ? Done(context, () => { })
                : ApiJson.WriteAsync(context, StatusCodes.Status404NotFound, w => ApiJson.WriteFailure(w, $"The fake API has no scope '{id}'."));
        }

        /// <summary>Replaces every fault setting with the JSON body; absent names are off (the defaults), unknown names are refused.</summary>
        private static async Task ReplaceFaultsAsync(HttpContext context)
        {
            FaultSettings faults;
            try
            {
                string text = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
                faults = FakeApiJson.Read<FaultSettings>(text);
            }
            catch (FormatException ex)
            {
                await WriteBadRequestAsync(context, ex.Message).ConfigureAwait(false);
                return;
            }

            context.Scope().Faults = faults;
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }

        private static Task SetCountAsync(HttpContext context, Action<Scope, int> set)
        {
            string text = context.Request.Query["value"].ToString();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > ScopeSettings.MaxCount)
            {
                return WriteBadRequestAsync(context, $"value must be an integer from 0 to {ScopeSettings.MaxCount}.");
            }

            set(context.Scope(), value);
            return WriteCountAsync(context, value);
        }

        private static Task WriteCountAsync(HttpContext context, int count) =>
            WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["count"] = count }.ToJsonString());

        private static Task WriteBadRequestAsync(HttpContext context, string message) =>
            WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = message }.ToJsonString(FakeApiJson.Options));

        private static Task WriteAsync(HttpContext context, int status, string json) =>
            ApiJson.WriteTextAsync(context, status, ApiJson.ContentType, json);

        private static Task Done(HttpContext context, Action change)
        {
            change();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }
    }
}
