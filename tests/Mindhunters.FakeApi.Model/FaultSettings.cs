using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The faults one scope of the fake API injects, all off by default. One immutable record: the request pipeline
    /// reads it, POST /_fake/faults and the command line (--kebab-case of each name) replace it whole, and each
    /// request that uses up a counted fault swaps in a copy with one fewer, so GET /_fake/faults shows what is left.
    /// Its JSON names are the snake_case forms of the property names (FakeApiJson); the Description of each property
    /// is its line in the fake's --help.
    /// </summary>
    /// <remarks>
    /// Order for one request of an API endpoint: latency_ms (plus latency_jitter_ms); redirect_to_port; then the first counted status fault
    /// still due, in the order status_override, html_error, fail_429, fail_5xx (before the bearer check, like a
    /// gateway); then the bearer check and the endpoint; then, for a 2xx with a body, the first counted body fault in the order
    /// truncate_json, reset_mid_body, stall_body. has_more_forever, repeat_page and stuck_page shape every page of a list.
    /// </remarks>
    public sealed record FaultSettings
    {
        [Description("delay every response by N ms")]
        public int LatencyMs { get; init => field = NonNegative(value); }

        [Description("add a random 0..N ms to every response's delay, so answers overtake one another")]
        public int LatencyJitterMs { get; init => field = NonNegative(value); }

        [JsonPropertyName("fail_429")]
        [Description("the next N requests get 429 Too Many Attempts")]
        public int Fail429 { get; init => field = NonNegative(value); }

        [Description("Retry-After (seconds or an HTTP date) sent with fail_429 and fail_5xx")]
        public string? RetryAfter { get; init; }

        [JsonPropertyName("fail_5xx")]
        [Description("the next N requests get fail_status with a maintenance envelope")]
        public int Fail5xx { get; init => field = NonNegative(value); }

        [Description("the status of fail_5xx")]
        public int FailStatus { get; init => field = HttpStatus(value); } = 503;

        [Description("the next N requests get 502 with an nginx text/html page")]
        public int HtmlError { get; init => field = NonNegative(value); }

        [Description("the next N 2xx answers with a body send half of it and end normally (no Content-Length)")]
        public int TruncateJson { get; init => field = NonNegative(value); }

        [Description("the next N 2xx answers with a body send the full Content-Length, half the body, then reset the connection")]
        public int ResetMidBody { get; init => field = NonNegative(value); }

        [Description("the next N 2xx answers with a body send the full Content-Length, half the body, wait stall_ms, then the rest")]
        public int StallBody { get; init => field = NonNegative(value); }

        [Description("how long stall_body waits (it ends early when the client leaves)")]
        public int StallMs { get; init => field = NonNegative(value); } = 60_000;

        [Description("every page says has_more true and last_page = current_page + 1")]
        public bool HasMoreForever { get; init; }

        [Description("every page carries the items of page 1")]
        public bool RepeatPage { get; init; }

        [Description("pagination.current_page is always 1")]
        public bool StuckPage { get; init; }

        [Description("every request gets 302 to http://127.0.0.1:P with the same path and query (0 = off)")]
        public int RedirectToPort { get; init => field = value is >= 0 and <= 65535 ? value : throw Refused(value, "a TCP port (0 = off)"); }

        [Description("the next N requests get override_status with override_body")]
        public int StatusOverride { get; init => field = NonNegative(value); }

        [Description("the status of status_override")]
        public int OverrideStatus { get; init => field = HttpStatus(value); } = 500;

        [Description("the JSON body of status_override; none = {\"success\":false,\"message\":\"<reason phrase>.\"}")]
        public string? OverrideBody { get; init; }

        private static int NonNegative(int value, [CallerMemberName] string property = "") =>
            value >= 0 ? value : throw Refused(value, "0 or more", property);

        private static int HttpStatus(int value, [CallerMemberName] string property = "") =>
            value is >= 100 and <= 999 ? value : throw Refused(value, "an HTTP status code (100-999)", property);

        // A FormatException, as for a value of the wrong JSON type: the control API answers both with 400 and this text.
        private static FormatException Refused(int value, string allowed, [CallerMemberName] string property = "") =>
            new(FormattableString.Invariant($"{FakeApiJson.NameOf(typeof(FaultSettings), property)} must be {allowed}, not {value}."));
    }
}
