using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Mindhunters.FakeApi
{
    /// <summary>The JSON body of a write, refused as PATCH /phone-numbers/{uuid} refuses it: 400 for another type or bad JSON.</summary>
    internal static class RequestBody
    {
        /// <summary>The body's root object (a detached copy); null after the 400 was written.</summary>
        public static async Task<JsonElement?> ReadObjectAsync(HttpContext context)
        {
            if (!(context.Request.ContentType ?? string.Empty).StartsWith(ApiJson.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                await ApiJson.WriteAsync(context, StatusCodes.Status400BadRequest,
                    w => ApiJson.WriteError(w, "The request body must be JSON.", "INVALID_CONTENT_TYPE", "Send the body as application/json.")).ConfigureAwait(false);
                return null;
            }

            try
            {
                using JsonDocument document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return document.RootElement.Clone();
                }
            }
            catch (JsonException ex)
            {
                await ApiJson.WriteAsync(context, StatusCodes.Status400BadRequest,
                    w => ApiJson.WriteError(w, "The request body is not valid JSON.", "INVALID_JSON", ex.Message)).ConfigureAwait(false);
                return null;
            }

            await ApiJson.WriteAsync(context, StatusCodes.Status400BadRequest,
                w => ApiJson.WriteError(w, "The request body must be a JSON object.", "INVALID_JSON", "Send an object: {...}.")).ConfigureAwait(false);
            return null;
        }

        /// <summary>The string member <paramref name="name"/>; null when absent or null (a member of another type is null too).</summary>
        public static string? String(JsonElement body, string name) =>
            body.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>True when the member is there and is neither null nor a string.</summary>
        public static bool IsNotString(JsonElement body, string name) =>
            body.TryGetProperty(name, out JsonElement value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null);

        public static Task NotFoundAsync(HttpContext context, string message, string details) =>
            ApiJson.WriteAsync(context, StatusCodes.Status404NotFound, w => ApiJson.WriteError(w, message, "NOT_FOUND", details));
    }
}
