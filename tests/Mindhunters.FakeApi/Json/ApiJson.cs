using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The API's JSON bodies that every endpoint shares (the list envelope, the error envelopes), written with
    /// Utf8JsonWriter into a pooled buffer and sent with a Content-Length; '+' and the like are left unescaped, as PHP does.
    /// </summary>
    internal static class ApiJson
    {
        public const string ContentType = "application/json";

        public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>Answers with <paramref name="status"/> and the JSON body <paramref name="write"/> makes.</summary>
        public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
        {
            using var body = new PooledBufferWriter(16 * 1024);
            using (var writer = new Utf8JsonWriter(body, WriterOptions))
            {
                write(writer);
            }

            HttpResponse response = context.Response;
            response.StatusCode = status;
            response.ContentType = ContentType;
            response.ContentLength = body.WrittenCount;
            await response.Body.WriteAsync(body.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
        }

        /// <summary>422 in the documented envelope, for the first problem of a request the newer endpoints refuse.</summary>
        public static Task WriteValidationErrorAsync(HttpContext context, string field, string details) =>
            WriteAsync(context, StatusCodes.Status422UnprocessableEntity,
                w => WriteError(w, "The given data was invalid.", "VALIDATION_ERROR", details, field));

        /// <summary>Answers with <paramref name="status"/> and <paramref name="text"/> as it is.</summary>
        public static async Task WriteTextAsync(HttpContext context, int status, string contentType, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            HttpResponse response = context.Response;
            response.StatusCode = status;
            response.ContentType = contentType;
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }

        /// <summary>
        /// The list envelope every list endpoint shares: {"success":true,"message":...,"data":{"items":[...],
        /// "pagination":{...}}}; <paramref name="message"/> null leaves "message" out (the rates page shows none).
        /// </summary>
        public static void WriteList(Utf8JsonWriter w, string? message, PageWindow window, Action<Utf8JsonWriter, int> writeItem)
        {
            w.WriteStartObject();
            w.WriteBoolean("success"u8, true);
            if (message is not null)
            {
                w.WriteString("message"u8, message);
            }

            w.WritePropertyName("data"u8);
            w.WriteStartObject();
            w.WritePropertyName("items"u8);
            w.WriteStartArray();
            for (int k = 0; k < window.ItemCount; k++)
            {
                writeItem(w, window.ItemsStart + k);
            }

            w.WriteEndArray();
            w.WritePropertyName("pagination"u8);
            w.WriteStartObject();
            w.WriteNumber("current_page"u8, window.CurrentPage);
            w.WriteNumber("per_page"u8, window.PerPage);
            w.WriteNumber("total"u8, window.Total);
            w.WriteNumber("last_page"u8, window.LastPage);
            WriteNullableNumber(w, "from"u8, window.From);
            WriteNullableNumber(w, "to"u8, window.To);
            w.WriteBoolean("has_more"u8, window.HasMore);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>{"success":true,"data":{...}}: the answer to a write, as the PATCH page shows it (no message).</summary>
        public static void WriteData(Utf8JsonWriter w, Action<Utf8JsonWriter> writeData)
        {
            w.WriteStartObject();
            w.WriteBoolean("success"u8, true);
            w.WritePropertyName("data"u8);
            writeData(w);
            w.WriteEndObject();
        }

        /// <summary>The documented error envelope: {"success":false,"message":...,"error":{"code","details"[,"field"]}}.</summary>
        public static void WriteError(Utf8JsonWriter w, string message, string code, string details, string? field = null)
        {
            w.WriteStartObject();
            w.WriteBoolean("success"u8, false);
            w.WriteString("message"u8, message);
            w.WritePropertyName("error"u8);
            w.WriteStartObject();
            w.WriteString("code"u8, code);
            w.WriteString("details"u8, details);
            if (field is not null)
            {
                w.WriteString("field"u8, field);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>{"success":false,"message":...,"data":null}</summary>
        public static void WriteFailure(Utf8JsonWriter w, string message)
        {
            w.WriteStartObject();
            w.WriteBoolean("success"u8, false);
            w.WriteString("message"u8, message);
            w.WriteNull("data"u8);
            w.WriteEndObject();
        }

        /// <summary>{"success":false,"message":...,"data":{"error":...}}</summary>
        public static void WriteFailureWithError(Utf8JsonWriter w, string message, string error)
        {
            w.WriteStartObject();
            w.WriteBoolean("success"u8, false);
            w.WriteString("message"u8, message);
            w.WritePropertyName("data"u8);
            w.WriteStartObject();
            w.WriteString("error"u8, error);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>The 422 body: data.error is the first message, data.errors maps each field to its messages.</summary>
        public static void WriteValidationFailure(Utf8JsonWriter w, List<KeyValuePair<string, string>> errors)
        {
            w.WriteStartObject();
            w.WriteBoolean("success"u8, false);
            w.WriteString("message"u8, "The given data was invalid.");
            w.WritePropertyName("data"u8);
            w.WriteStartObject();
            w.WriteString("error"u8, errors[0].Value);
            w.WritePropertyName("errors"u8);
            w.WriteStartObject();
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> error in errors)
            {
                if (!written.Add(error.Key))
                {
                    continue;
                }

                w.WritePropertyName(error.Key);
                w.WriteStartArray();
                foreach (KeyValuePair<string, string> same in errors)
                {
                    if (string.Equals(same.Key, error.Key, StringComparison.Ordinal))
                    {
                        w.WriteStringValue(same.Value);
                    }
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static void WriteNullableNumber(Utf8JsonWriter w, ReadOnlySpan<byte> name, long? value)
        {
            if (value is long number)
            {
                w.WriteNumber(name, number);
            }
            else
            {
                w.WriteNull(name);
            }
        }
    }
}
