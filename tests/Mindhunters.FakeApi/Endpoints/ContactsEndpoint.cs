using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// GET /api/v1/contacts, Laravel-paged (per_page default 15, at most 100): the scope's contacts 1..ContactCount, pure
    /// functions of their index, filtered by status (Active, Inactive) and contact_channel (Call, SMS, WhatsApp). Only what a
    /// raw request needs to be tested against: the fields are the fake's, the page does not list them.
    /// </summary>
    internal sealed class ContactsEndpoint : IApiEndpoint
    {
        private static readonly string[] Channels = { "Call", "SMS", "WhatsApp" };

        public void Map(IEndpointRouteBuilder api) => api.MapGet("/contacts", ServeAsync);

        private static Task ServeAsync(HttpContext context)
        {
            var errors = new List<KeyValuePair<string, string>>();
            (long page, int perPage) = QueryParser.Paging(context.Request.Query, LaravelJson.DefaultPerPage, QueryParser.MaxPerPage, errors);
            string? status = context.Request.Query["status"].LastOrDefault();
            string? channel = context.Request.Query["contact_channel"].LastOrDefault();
            if (status is not (null or "" or "Active" or "Inactive"))
            {
                errors.Add(new("status", "The selected status is invalid."));
            }

            if (channel is not (null or "") && !Channels.Contains(channel))
            {
                errors.Add(new("contact_channel", "The selected contact channel is invalid."));
            }

            if (errors.Count > 0)
            {
                return ApiJson.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, w => ApiJson.WriteValidationFailure(w, errors));
            }

            Scope scope = context.Scope();
            List<int> indices = Enumerable.Range(1, scope.ContactCount)
                .Where(i => (status is null or "" || StatusOf(i) == status) && (channel is null or "" || ChannelOf(i) == channel)).ToList();
            PageWindow window = PageWindow.Of(indices.Count, page, perPage, scope.Faults);
            return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => LaravelJson.WritePage(w, "contacts", window, (writer, position) =>
            {
                int i = indices[position];
                writer.WriteStartObject();
                writer.WriteString("uuid"u8, UuidOf(i));
                writer.WriteString("name"u8, "Contact " + i.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("phone_number"u8, FormattableString.Invariant($"+1555{i:D7}"));
                writer.WriteString("status"u8, StatusOf(i));
                writer.WriteString("contact_channel"u8, ChannelOf(i));
                writer.WriteNumber("calls_count"u8, i % 4);
                writer.WriteNumber("score"u8, (i % 10) + 0.5m);
                writer.WritePropertyName("tags"u8);
                writer.WriteStartArray();
                writer.WriteStringValue(i % 2 == 0 ? "even" : "odd");
                writer.WriteEndArray();
                writer.WritePropertyName("address"u8);
                writer.WriteStartObject();
                writer.WriteString("city"u8, "Springfield");
                writer.WriteNull("zip"u8);
                writer.WriteEndObject();
                writer.WriteString("created_at"u8, "2024-01-02T03:04:05Z");
                writer.WriteEndObject();
            }));
        }

        public static Guid UuidOf(int index) => new(FormattableString.Invariant($"{index:x8}-c0c0-4000-8000-{index:x12}"));

        private static string StatusOf(int index) => index % 5 == 0 ? "Inactive" : "Active";

        private static string ChannelOf(int index) => Channels[index % Channels.Length];
    }
}
