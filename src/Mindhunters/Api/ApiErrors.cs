using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Mindhunters.Api
{
    /// <summary>Turns an HTTP answer that is not a success into one <see cref="MhApiException"/> worded for people.</summary>
    internal static class ApiErrors
    {
        /// <summary>"503 Service Unavailable", or the bare number when the server sent no reason phrase; the phrase is server text.</summary>
        public static string StatusText(HttpResponseMessage response, MhConnection connection)
        {
            string status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            string reason = ServerText.Clean(response.ReasonPhrase, connection, 100);
            return reason.Length == 0 ? status : status + " " + reason;
        }

        /// <summary>One error for a status that is not retried, or that failed every retry.</summary>
        public static MhApiException FromResponse(MhConnection connection, HttpResponseMessage response, string body, ApiOperation operation, int retries)
        {
            int status = (int)response.StatusCode;
            string what = StatusText(response, connection);
            ErrorBody parsed = ErrorBody.Parse(body, connection);
            string said = parsed.Text.Length == 0 ? ""
                : parsed.IsJson ? " The API said: " + parsed.Text + parsed.Detail()
                : $" The answer was not JSON: \"{parsed.Text}\"";
            string prefix = $"{operation.Failed}: {what}";
            string afterRetries = retries > 0 ? $" after {retries} retries" : "";

            if (status >= 300 && status < 400)
            {
                string target = RedirectTarget(response.Headers.Location, connection);
                return new MhApiException(MhErrorKind.RedirectRefused,
                    $"{prefix}: the server redirects to {target}. The module does not follow redirects, so the token never reaches another host.",
                    $"Check the subdomain or base URI (Get-MhContext). If {target} is the right API address, connect to it directly with Connect-MhAccount -BaseUri.")
                { Page = operation.Page, StatusCode = status };
            }

            if (status == 403 && parsed.Code == PurchaseLimitCode) return PurchaseLimit(connection, parsed, prefix, operation, status);

            (MhErrorKind kind, string action) = status switch
            {
                401 => (MhErrorKind.Authentication, "Check the API token: run Connect-MhAccount with a valid token, or set MIHU_API_TOKEN to one."),
                403 => (MhErrorKind.PermissionDenied, $"Use a token that is allowed to do this in the workspace '{connection.Subdomain}'."),
                404 => (MhErrorKind.NotFound, operation.NotFoundAction),
                422 or 400 => (MhErrorKind.InvalidArgument, RangeAction(parsed, operation) ?? $"Check the values against Get-Help {operation.Command} -Parameter *."),
                429 => (MhErrorKind.Throttled, "The workspace's rate limit was hit; run the command again later, or use a lower -ThrottleLimit."),
                >= 500 => (MhErrorKind.ServiceUnavailable, "The Mindhunters service is failing; run the command again later. If it persists, contact Mindhunters support with the time of the failure."),
                _ => (MhErrorKind.HttpError, "Check the request values and the base URI (Get-MhContext), then run the command again."),
            };
            return new MhApiException(kind, $"{prefix}{afterRetries}.{said}", action)
            {
                Page = operation.Page,
                StatusCode = status,
                ApiMessage = parsed.IsJson && parsed.Text.Length > 0 ? parsed.Text : null,
                ApiErrorCode = parsed.Code,
                ApiErrorDetails = parsed.Details,
                ApiErrorField = parsed.Field,
            };
        }

        private const int MaxErrorBodyChars = 16 * 1024;

        /// <summary>
        /// At most <see cref="MaxErrorBodyChars"/> of an error body, within the attempt's time: a body that stalls after
        /// its headers is given up when the attempt's time is over (by disposing the stream, which ends a pending read),
        /// and the error is made from the status alone. Ctrl+C still ends it at once. The buffer is the size limit: no
        /// more than it holds is ever inflated, so a decompression bomb costs nothing here.
        /// </summary>
        public static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken attempt, CancellationToken caller)
        {
            try
            {
                using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                // The token reaches the read itself, so a stalled body aborts its connection at once (.NET would
                // otherwise spend up to two more seconds draining it on dispose); disposing is for streams that ignore it.
                using (attempt.Register(() => stream.Dispose()))
                {
                    var buffer = new byte[MaxErrorBodyChars * 4];
                    int read = 0, n;
                    while (read < buffer.Length && (n = await stream.ReadAsync(buffer, read, buffer.Length - read, attempt).ConfigureAwait(false)) > 0)
                    {
                        read += n;
                    }
                    string text = Encoding.UTF8.GetString(buffer, 0, read);
                    return text.Length > MaxErrorBodyChars ? text.Substring(0, MaxErrorBodyChars) : text;
                }
            }
            catch (Exception e) when (TransportFailures.IsNetworkFailure(e) || e is ObjectDisposedException or OperationCanceledException or InvalidDataException)
            {
                caller.ThrowIfCancellationRequested();
                return "";
            }
        }

        /// <summary>"-VoiceChannelLimit takes a value from 0 to 1000 …", when the refusal names a field and its text a range.</summary>
        private static string? RangeAction(ErrorBody parsed, ApiOperation operation)
        {
            if (parsed.Field is not string field || AllowedRange.Of(parsed.Details ?? parsed.Text) is not string range) return null;
            string name = operation.ParameterOf(field) ?? field;
            return $"{name} takes a value {range} (the range the API gave for {field}); give one in it.";
        }

        /// <summary>The code an older endpoint puts in data.error when the workspace may buy no more numbers.</summary>
        public const string PurchaseLimitCode = "purchase_limit_reached";

        /// <summary>
        /// The purchase cap (403, data.error purchase_limit_reached) is not a missing permission: a token that may buy
        /// numbers gets it once the workspace holds its limit, and the way on is to release a number or raise the limit.
        /// </summary>
        private static MhApiException PurchaseLimit(MhConnection connection, ErrorBody parsed, string prefix, ApiOperation operation, int status)
        {
            string numbers = parsed.Limit is null && parsed.Current is null
                ? "the API did not say the limit"
                : $"limit {parsed.Limit ?? "not given"}, current {parsed.Current ?? "not given"}";
            return new MhApiException(MhErrorKind.PurchaseLimitReached,
                $"{prefix}: the workspace '{connection.Subdomain}' has reached its limit of phone number purchases ({numbers}); nothing was bought.",
                "Release a number the workspace no longer needs (in the Mindhunters web app), or ask Mindhunters support to raise the limit, then run the command again.")
            {
                Page = operation.Page,
                StatusCode = status,
                ApiMessage = parsed.IsJson && parsed.Text.Length > 0 ? parsed.Text : null,
                ApiErrorCode = parsed.Code,
            };
        }

        /// <summary>Scheme, host and port of a redirect's target: never its user info, path or query.</summary>
        private static string RedirectTarget(Uri? location, MhConnection connection)
        {
            if (location is null) return "another address";
            Uri absolute = location.IsAbsoluteUri ? location : new Uri(connection.BaseUri, location);
            return ServerText.Clean(absolute.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped), connection, 200);
        }

        /// <summary>
        /// The API's error envelopes: the documented {"message", "error": {"code", "details", "field"}} and the older
        /// {"message", "data": {"error", "errors"}}; anything else as an excerpt of its text. Every string is server
        /// text, so each goes through <see cref="ServerText.Clean"/> after it was unescaped.
        /// </summary>
        internal sealed class ErrorBody
        {
            private static readonly Regex CodeLike = new Regex("^[A-Za-z][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant);

            private ErrorBody(bool isJson, string text)
            {
                IsJson = isJson;
                Text = text;
            }

            public bool IsJson { get; }

            /// <summary>The message, with data.error after it in parentheses when that says something else.</summary>
            public string Text { get; }

            public string? Code { get; private set; }
            public string? Details { get; private set; }
            public string? Field { get; private set; }

            /// <summary>The purchase cap's "limit" and "current", from "data" or the top level (where is not documented).</summary>
            public string? Limit { get; private set; }
            public string? Current { get; private set; }

            /// <summary>" (code INVALID_AUTH_TOKEN; field x: details)", or nothing.</summary>
            public string Detail()
            {
                var parts = new StringBuilder();
                if (Code is not null) parts.Append("code ").Append(Code);
                if (Field is not null) parts.Append(parts.Length > 0 ? "; " : "").Append("field ").Append(Field);
                if (Details is not null && Details != Text) parts.Append(parts.Length > 0 ? ": " : "").Append(Details);
                return parts.Length == 0 ? "" : " (" + parts + ")";
            }

            public static ErrorBody Parse(string body, MhConnection? connection)
            {
                if (string.IsNullOrWhiteSpace(body)) return new ErrorBody(false, "");
                try
                {
                    using JsonDocument document = JsonDocument.Parse(body);
                    JsonElement root = document.RootElement;
                    if (root.ValueKind == JsonValueKind.Object) return FromEnvelope(root, connection);
                }
                catch (JsonException)
                {
                }
                return new ErrorBody(false, Excerpt(body, connection));
            }

            private static ErrorBody FromEnvelope(JsonElement root, MhConnection? connection)
            {
                string message = Clean(root, "message", connection) ?? "";
                string? code = null, details = null, field = null, legacy = null;
                if (root.TryGetProperty("error", out JsonElement error))
                {
                    if (error.ValueKind == JsonValueKind.Object)
                    {
                        code = Clean(error, "code", connection);
                        details = Clean(error, "details", connection);
                        field = Clean(error, "field", connection);
                    }
                    else
                    {
                        legacy = Flatten(error, connection);
                    }
                }
                if (root.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Object)
                {
                    if (data.TryGetProperty("error", out JsonElement dataError)) legacy ??= Flatten(dataError, connection);
                    // Laravel's validation errors: {"field": ["message", …]}; the first field is the one to fix first.
                    if (field is null && data.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Object)
                    {
                        foreach (JsonProperty first in errors.EnumerateObject())
                        {
                            field = ServerText.Clean(first.Name, connection, 200);
                            break;
                        }
                    }
                }
                // Older endpoints put a code such as "purchase_limit_reached" in data.error.
                if (code is null && legacy is not null && CodeLike.IsMatch(legacy) && legacy.IndexOf('_') >= 0) code = legacy;

                string text = message;
                if (!string.IsNullOrEmpty(legacy) && legacy != message && legacy != code) text = text.Length > 0 ? $"{text} ({legacy})" : legacy!;
                return new ErrorBody(true, text)
                {
                    Code = code,
                    Details = details,
                    Field = field,
                    Limit = Count(data, "limit", connection) ?? Count(root, "limit", connection),
                    Current = Count(data, "current", connection) ?? Count(root, "current", connection),
                };
            }

            /// <summary>A count such as "limit": 5 (or "5"), as text; null when <paramref name="parent"/> has none.</summary>
            private static string? Count(JsonElement parent, string name, MhConnection? connection)
            {
                if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out JsonElement value)) return null;
                return value.ValueKind is JsonValueKind.Number or JsonValueKind.String ? NullIfEmpty(ServerText.Clean(Flatten(value, connection), connection, 20)) : null;
            }

            private static string? Clean(JsonElement parent, string name, MhConnection? connection) =>
                parent.TryGetProperty(name, out JsonElement value) ? NullIfEmpty(Flatten(value, connection)) : null;

            private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

            /// <summary>A value as plain, unescaped words: "key: value, key: value" for an object, never raw JSON.</summary>
            private static string? Flatten(JsonElement value, MhConnection? connection)
            {
                var text = new StringBuilder();
                Append(text, value, 0);
                string cleaned = ServerText.Clean(text.ToString(), connection);
                return cleaned.Length == 0 ? null : cleaned;
            }

            private static void Append(StringBuilder text, JsonElement value, int depth)
            {
                if (depth > 4 || text.Length > 4096) return;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        text.Append(value.GetString());
                        break;
                    case JsonValueKind.Number:
                    case JsonValueKind.True:
                    case JsonValueKind.False:
                        text.Append(value.GetRawText());
                        break;
                    case JsonValueKind.Object:
                        bool firstProperty = true;
                        foreach (JsonProperty property in value.EnumerateObject())
                        {
                            if (!firstProperty) text.Append(", ");
                            firstProperty = false;
                            text.Append(property.Name).Append(": ");
                            Append(text, property.Value, depth + 1);
                        }
                        break;
                    case JsonValueKind.Array:
                        bool firstItem = true;
                        foreach (JsonElement item in value.EnumerateArray())
                        {
                            if (!firstItem) text.Append(", ");
                            firstItem = false;
                            Append(text, item, depth + 1);
                        }
                        break;
                }
            }

            /// <summary>The readable text of an HTML or plain page, at most 200 characters after redaction.</summary>
            internal static string Excerpt(string body, MhConnection? connection)
            {
                string text = Regex.Replace(body, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
                text = Regex.Replace(text, "<[^>]+>", " ");
                text = WebUtility.HtmlDecode(text);
                text = Regex.Replace(text, "\\s+", " ").Trim();
                return ServerText.Clean(text, connection, 200);
            }
        }
    }
}
