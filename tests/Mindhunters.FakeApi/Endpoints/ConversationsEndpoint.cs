using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// GET /api/v1/conversations (Laravel-paged, per_page default 15, at most 100) and GET /api/v1/conversations/{uuid}
    /// ({"success":true,"data":{…}}): the scope's conversations 1..ConversationCount, pure functions of their index.
    /// </summary>
    internal sealed class ConversationsEndpoint : IApiEndpoint
    {
        public void Map(IEndpointRouteBuilder api)
        {
            api.MapGet("/conversations", ListAsync);
            api.MapGet("/conversations/{uuid}", OneAsync);
        }

        private static Task ListAsync(HttpContext context)
        {
            var errors = new List<KeyValuePair<string, string>>();
            (long page, int perPage) = QueryParser.Paging(context.Request.Query, LaravelJson.DefaultPerPage, QueryParser.MaxPerPage, errors);
            if (errors.Count > 0)
            {
                return ApiJson.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, w => ApiJson.WriteValidationFailure(w, errors));
            }

            Scope scope = context.Scope();
            PageWindow window = PageWindow.Of(scope.ConversationCount, page, perPage, scope.Faults);
            return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => LaravelJson.WritePage(w, "conversations", window, (writer, position) => Write(writer, position + 1)));
        }

        private static Task OneAsync(HttpContext context)
        {
            Scope scope = context.Scope();
            string segment = (string)context.Request.RouteValues["uuid"]!;
            for (int i = 1; i <= scope.ConversationCount; i++)
            {
                if (string.Equals(UuidOf(i).ToString("D"), segment, StringComparison.OrdinalIgnoreCase))
                {
                    return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => ApiJson.WriteData(w, writer => Write(writer, i)));
                }
            }

            return RequestBody.NotFoundAsync(context, "Conversation not found.", $"No conversation with uuid '{segment}' exists in this workspace.");
        }

        private static void Write(System.Text.Json.Utf8JsonWriter w, int i)
        {
            w.WriteStartObject();
            w.WriteString("uuid"u8, UuidOf(i));
            w.WriteString("agent_uuid"u8, FakeAgents.UuidOf(1 + (i % 5)));
            w.WriteString("contact_uuid"u8, ContactsEndpoint.UuidOf(i));
            w.WriteString("channel"u8, i % 2 == 0 ? "call" : "sms");
            w.WriteString("status"u8, "completed");
            w.WriteNumber("duration_seconds"u8, 30 + i);
            w.WriteString("summary"u8, "Conversation " + i.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        private static Guid UuidOf(int index) => new(FormattableString.Invariant($"{index:x8}-c0de-4000-8000-{index:x12}"));
    }
}
