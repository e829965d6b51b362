using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mindhunters.Api
{
    /// <summary>Turns an HTTP answer that is not a page into one <see cref="MhApiException"/> worded for people.</summary>
    internal static class ApiErrors
    {
        /// <summary>"503 Service Unavailable", or the bare number when the server sent no reason phrase.</summary>
        public static string StatusText(HttpResponseMessage response) =>
            string.IsNullOrEmpty(response.ReasonPhrase) ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) : $"{(int)response.StatusCode} {response.ReasonPhrase}";

        /// <summary>One error for a status that is not retried, or that failed every retry.</summary>
        public static MhApiException FromResponse(MhConnection connection, HttpResponseMessage response, string body, int page, int retries)
        {
            int status = (int)response.StatusCode;
            string what = StatusText(response);
            ErrorBody parsed = ErrorBody.Parse(body);
            string text = Redact(connection, parsed.Text);
            string said = text.Length == 0 ? ""
                : parsed.IsJson ? " The API said: " + text
                : $" The answer was not JSON: \"{text}\"";
            string prefix = $"Listing phone numbers failed on page {page}: {what}";
            string afterRetries = retries > 0 ? $" after {retries} retries" : "";

            if (status >= 300 && status < 400)
            {
                Uri? location = response.Headers.Location;
                string target = location is null ? "another address" : (location.IsAbsoluteUri ? location.GetLeftPart(UriPartial.Authority) : new Uri(connection.BaseUri, location).GetLeftPart(UriPartial.Authority));
                return new MhApiException(MhErrorKind.RedirectRefused,
                    $"{prefix}: the server redirects to {target}. The module does not follow redirects, so the token never reaches another host.",
                    $"Check the subdomain or base URI (Get-MhContext). If {target} is the right API address, connect to it directly with Connect-MhAccount -BaseUri.")
                { Page = page, StatusCode = status };
            }

            (MhErrorKind kind, string action) = status switch
            {
                401 => (MhErrorKind.Authentication, "Check the API token: run Connect-MhAccount with a valid token, or set MIHU_API_TOKEN to one."),
                403 => (MhErrorKind.PermissionDenied, $"Use a token that may list phone numbers in the workspace '{connection.Subdomain}'."),
                404 => (MhErrorKind.NotFound, "Check the subdomain or base URI (Get-MhContext): the phone-numbers endpoint was not found there."),
                422 or 400 => (MhErrorKind.InvalidArgument, "Check the filter and paging values against Get-Help Get-MhPhoneNumber -Parameter *."),
                429 => (MhErrorKind.Throttled, "The workspace's rate limit was hit; run the command again later, or use a lower -ThrottleLimit."),
                >= 500 => (MhErrorKind.ServiceUnavailable, "The Mindhunters service is failing; run the command again later. If it persists, contact Mindhunters support with the time of the failure."),
                _ => (MhErrorKind.HttpError, "Check the request values and the base URI (Get-MhContext), then run the command again."),
            };
            return new MhApiException(kind, $"{prefix}{afterRetries}.{said}", action)
            {
                Page = page,
                StatusCode = status,
                ApiMessage = parsed.IsJson && text.Length > 0 ? text : null,
            };
        }

        /// <summary>Belt and braces: should a server ever echo the token, it still never reaches a stream.</summary>
        private static string Redact(MhConnection connection, string text)
        {
            if (text.Length == 0) return text;
            string header = connection.CreateAuthorizationHeaderValue();
            string token = header.Substring("Bearer ".Length);
            return token.Length >= 4 ? text.Replace(token, "***") : text;
        }

        /// <summary>The API's error envelope ({"message", "data": {"error", "errors"}}), or an excerpt of anything else.</summary>
        internal readonly struct ErrorBody
        {
            private ErrorBody(bool isJson, string text)
            {
                IsJson = isJson;
                Text = text;
            }

            public bool IsJson { get; }
            public string Text { get; }

            public static ErrorBody Parse(string body)
            {
                if (string.IsNullOrWhiteSpace(body)) return new ErrorBody(false, "");
                try
                {
                    using JsonDocument document = JsonDocument.Parse(body);
                    if (document.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        var text = new StringBuilder();
                        if (document.RootElement.TryGetProperty("message", out JsonElement message) && message.ValueKind == JsonValueKind.String)
                        {
                            text.Append(message.GetString());
                        }
                        if (document.RootElement.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Object
                            && data.TryGetProperty("error", out JsonElement error) && error.ValueKind != JsonValueKind.Null)
                        {
                            string detail = error.ValueKind == JsonValueKind.String ? error.GetString() ?? "" : error.GetRawText();
                            if (detail.Length > 0 && detail != text.ToString()) text.Append(text.Length > 0 ? " (" + detail + ")" : detail);
                        }
                        return new ErrorBody(true, text.ToString().Trim());
                    }
                }
                catch (JsonException)
                {
                }
                return new ErrorBody(false, Excerpt(body));
            }

            /// <summary>The readable text of an HTML or plain page, at most 200 characters.</summary>
            internal static string Excerpt(string body)
            {
                string text = Regex.Replace(body, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
                text = Regex.Replace(text, "<[^>]+>", " ");
                text = WebUtility.HtmlDecode(text);
                text = Regex.Replace(text, "\\s+", " ").Trim();
                return text.Length > 200 ? text.Substring(0, 200) + "…" : text;
            }
        }
    }
}
