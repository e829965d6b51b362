using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mindhunters.FakeApi;

/// <summary>
/// Faults the fake injects into GET /api/v1/phone-numbers. All off by default. The counted faults (Fail429,
/// Fail5xx, HtmlError, TruncateJson, ResetMidBody, StallBody, StatusOverride) are decremented by each request that
/// they hit. Every member is thread-safe, so an instance can be changed while requests are being served.
/// </summary>
/// <remarks>
/// Order for one request: LatencyMs delay; RedirectToPort; then the first counted status fault that is still
/// due, in the order StatusOverride, HtmlError, Fail429, Fail5xx (one per request; these come before the bearer
/// check, like a gateway); then the bearer check and validation; then, for a 200, the first counted body fault
/// in the order TruncateJson, ResetMidBody, StallBody; HasMoreForever, RepeatPage and StuckPage shape every 200.
/// JSON names (control endpoint POST /_fake/faults) are the snake_case forms: latency_ms, fail_429, retry_after,
/// fail_5xx, fail_status, html_error, truncate_json, reset_mid_body, stall_body, stall_ms, has_more_forever,
/// repeat_page, stuck_page, redirect_to_port, status_override, override_status, override_body.
/// </remarks>
public sealed class FaultOptions
{
    private readonly object _gate = new();
    private int _latencyMs;
    private int _fail429;
    private string? _retryAfter;
    private int _fail5xx;
    private int _failStatus = DefaultFailStatus;
    private int _htmlError;
    private int _truncateJson;
    private int _resetMidBody;
    private int _stallBody;
    private int _stallMs = DefaultStallMs;
    private bool _hasMoreForever;
    private bool _repeatPage;
    private bool _stuckPage;
    private int _redirectToPort;
    private int _statusOverride;
    private int _overrideStatus = DefaultOverrideStatus;
    private string? _overrideBody;

    /// <summary>Default of <see cref="FailStatus"/>.</summary>
    public const int DefaultFailStatus = 503;

    /// <summary>Default of <see cref="StallMs"/>.</summary>
    public const int DefaultStallMs = 60_000;

    /// <summary>Default of <see cref="OverrideStatus"/>.</summary>
    public const int DefaultOverrideStatus = 500;

    /// <summary>latency_ms: delay in milliseconds before every response of the endpoint (0 = none).</summary>
    public int LatencyMs { get => Get(ref _latencyMs); set => Set(ref _latencyMs, NonNegative(value)); }

    /// <summary>fail_429: the next N requests get 429 {"success":false,"message":"Too Many Attempts.","data":null}.</summary>
    public int Fail429 { get => Get(ref _fail429); set => Set(ref _fail429, NonNegative(value)); }

    /// <summary>retry_after: the Retry-After header value sent with fail_429 and fail_5xx responses (seconds or an HTTP date); null = no header.</summary>
    public string? RetryAfter { get { lock (_gate) { return _retryAfter; } } set { lock (_gate) { _retryAfter = value; } } }

    /// <summary>fail_5xx: the next N requests get <see cref="FailStatus"/> with a "Service temporarily unavailable." envelope.</summary>
    public int Fail5xx { get => Get(ref _fail5xx); set => Set(ref _fail5xx, NonNegative(value)); }

    /// <summary>fail_status: the status of fail_5xx responses (default 503).</summary>
    public int FailStatus { get => Get(ref _failStatus); set => Set(ref _failStatus, Status(value)); }

    /// <summary>html_error: the next N requests get a 502 with an nginx-style text/html body.</summary>
    public int HtmlError { get => Get(ref _htmlError); set => Set(ref _htmlError, NonNegative(value)); }

    /// <summary>truncate_json: the next N successful responses are 200 with only the first half of the JSON body (no Content-Length; the response itself ends normally).</summary>
    public int TruncateJson { get => Get(ref _truncateJson); set => Set(ref _truncateJson, NonNegative(value)); }

    /// <summary>reset_mid_body: the next N successful responses send 200, the full Content-Length and half the body, then abort the connection.</summary>
    public int ResetMidBody { get => Get(ref _resetMidBody); set => Set(ref _resetMidBody, NonNegative(value)); }

    /// <summary>stall_body: the next N successful responses send 200, the full Content-Length and half the body, wait <see cref="StallMs"/>, then send the rest.</summary>
    public int StallBody { get => Get(ref _stallBody); set => Set(ref _stallBody, NonNegative(value)); }

    /// <summary>stall_ms: how long stall_body waits mid-body (default 60000); the wait ends early when the client goes away.</summary>
    public int StallMs { get => Get(ref _stallMs); set => Set(ref _stallMs, NonNegative(value)); }

    /// <summary>has_more_forever: every page says has_more true and last_page = current_page + 1.</summary>
    public bool HasMoreForever { get { lock (_gate) { return _hasMoreForever; } } set { lock (_gate) { _hasMoreForever = value; } } }

    /// <summary>repeat_page: every page carries the items of page 1 (pagination as for the requested page).</summary>
    public bool RepeatPage { get { lock (_gate) { return _repeatPage; } } set { lock (_gate) { _repeatPage = value; } } }

    /// <summary>stuck_page: pagination.current_page is always 1 (items and the rest of pagination as for the requested page).</summary>
    public bool StuckPage { get { lock (_gate) { return _stuckPage; } } set { lock (_gate) { _stuckPage = value; } } }

    /// <summary>redirect_to_port: every request gets 302 with Location http://127.0.0.1:{port}{path}{query}; 0 = off.</summary>
    public int RedirectToPort { get => Get(ref _redirectToPort); set => Set(ref _redirectToPort, Port(value)); }

    /// <summary>status_override: the next N requests get <see cref="OverrideStatus"/> with <see cref="OverrideBody"/>.</summary>
    public int StatusOverride { get => Get(ref _statusOverride); set => Set(ref _statusOverride, NonNegative(value)); }

    /// <summary>override_status: the status of status_override responses (default 500).</summary>
    public int OverrideStatus { get => Get(ref _overrideStatus); set => Set(ref _overrideStatus, Status(value)); }

    /// <summary>override_body: the JSON text sent by status_override (Content-Type application/json); null = {"success":false,"message":"{reason phrase}.","data":null}.</summary>
    public string? OverrideBody { get { lock (_gate) { return _overrideBody; } } set { lock (_gate) { _overrideBody = value; } } }

    /// <summary>Turns every fault off (the defaults).</summary>
    public void Reset() => CopyFrom(new FaultOptions());

    /// <summary>Replaces every setting of this instance with those of <paramref name="other"/>, atomically.</summary>
    public void CopyFrom(FaultOptions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            return;
        }

        FaultOptions source = other.Clone();
        lock (_gate)
        {
            _latencyMs = source._latencyMs;
            _fail429 = source._fail429;
            _retryAfter = source._retryAfter;
            _fail5xx = source._fail5xx;
            _failStatus = source._failStatus;
            _htmlError = source._htmlError;
            _truncateJson = source._truncateJson;
            _resetMidBody = source._resetMidBody;
            _stallBody = source._stallBody;
            _stallMs = source._stallMs;
            _hasMoreForever = source._hasMoreForever;
            _repeatPage = source._repeatPage;
            _stuckPage = source._stuckPage;
            _redirectToPort = source._redirectToPort;
            _statusOverride = source._statusOverride;
            _overrideStatus = source._overrideStatus;
            _overrideBody = source._overrideBody;
        }
    }

    /// <summary>A copy of the current settings.</summary>
    public FaultOptions Clone()
    {
        var copy = new FaultOptions();
        lock (_gate)
        {
            copy._latencyMs = _latencyMs;
            copy._fail429 = _fail429;
            copy._retryAfter = _retryAfter;
            copy._fail5xx = _fail5xx;
            copy._failStatus = _failStatus;
            copy._htmlError = _htmlError;
            copy._truncateJson = _truncateJson;
            copy._resetMidBody = _resetMidBody;
            copy._stallBody = _stallBody;
            copy._stallMs = _stallMs;
            copy._hasMoreForever = _hasMoreForever;
            copy._repeatPage = _repeatPage;
            copy._stuckPage = _stuckPage;
            copy._redirectToPort = _redirectToPort;
            copy._statusOverride = _statusOverride;
            copy._overrideStatus = _overrideStatus;
            copy._overrideBody = _overrideBody;
        }

        return copy;
    }

    /// <summary>
    /// Reads fault settings from a JSON object with the snake_case names (for example
    /// {"fail_429":2,"retry_after":"1"}). Absent names keep their defaults. Numbers may also be given as strings,
    /// retry_after also as a number, override_body also as a JSON object or array (used as is).
    /// </summary>
    /// <exception cref="FormatException">The JSON is not an object, a name is unknown or a value has the wrong type.</exception>
    public static FaultOptions FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The fault settings are not valid JSON: " + ex.Message, ex);
        }

        using (document)
        {
            return FromJson(document.RootElement);
        }
    }

    internal static FaultOptions FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The fault settings must be a JSON object.");
        }

        var faults = new FaultOptions();
        foreach (JsonProperty property in root.EnumerateObject())
        {
            faults.Apply(property.Name, property.Value);
        }

        return faults;
    }

    /// <summary>The settings as a JSON object with the snake_case names.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder }))
        {
            WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc />
    public override string ToString() => ToJson();

    internal void WriteJson(Utf8JsonWriter writer)
    {
        FaultOptions s = Clone();
        writer.WriteStartObject();
        writer.WriteNumber("latency_ms", s._latencyMs);
        writer.WriteNumber("fail_429", s._fail429);
        WriteNullableString(writer, "retry_after", s._retryAfter);
        writer.WriteNumber("fail_5xx", s._fail5xx);
        writer.WriteNumber("fail_status", s._failStatus);
        writer.WriteNumber("html_error", s._htmlError);
        writer.WriteNumber("truncate_json", s._truncateJson);
        writer.WriteNumber("reset_mid_body", s._resetMidBody);
        writer.WriteNumber("stall_body", s._stallBody);
        writer.WriteNumber("stall_ms", s._stallMs);
        writer.WriteBoolean("has_more_forever", s._hasMoreForever);
        writer.WriteBoolean("repeat_page", s._repeatPage);
        writer.WriteBoolean("stuck_page", s._stuckPage);
        writer.WriteNumber("redirect_to_port", s._redirectToPort);
        writer.WriteNumber("status_override", s._statusOverride);
        writer.WriteNumber("override_status", s._overrideStatus);
        WriteNullableString(writer, "override_body", s._overrideBody);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Sets one fault by its snake_case (JSON) or kebab-case (command line) name from text; used by the command
    /// line. A flag (has_more_forever, repeat_page, stuck_page) given a null value is set to true.
    /// </summary>
    /// <returns>False when the name is not a fault.</returns>
    /// <exception cref="FormatException">The value does not fit the fault.</exception>
    public bool TrySet(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Replace('-', '_').ToLowerInvariant();
        if (IsFlag(key))
        {
            bool flag = value is null || ParseBool(key, value);
            SetFlag(key, flag);
            return true;
        }

        if (!IsKnown(key))
        {
            return false;
        }

        if (value is null)
        {
            throw new FormatException($"The fault '{name}' needs a value.");
        }

        if (key is "retry_after" or "override_body")
        {
            SetString(key, value);
        }
        else
        {
            SetInt(key, ParseInt(key, value));
        }

        return true;
    }

    /// <summary>True for the names of the boolean faults, which take no value on the command line.</summary>
    internal static bool IsFlag(string key) => key is "has_more_forever" or "repeat_page" or "stuck_page";

    internal static bool IsKnown(string key) => key is "latency_ms" or "fail_429" or "retry_after" or "fail_5xx"
        or "fail_status" or "html_error" or "truncate_json" or "reset_mid_body" or "stall_body" or "stall_ms"
        or "redirect_to_port" or "status_override" or "override_status" or "override_body" || IsFlag(key);

    private void Apply(string key, JsonElement value)
    {
        if (!IsKnown(key))
        {
            throw new FormatException($"Unknown fault '{key}'.");
        }

        if (IsFlag(key))
        {
            bool flag = value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False or JsonValueKind.Null => false,
                JsonValueKind.Number => value.TryGetInt32(out int n) ? n != 0 : throw WrongType(key, "a boolean"),
                JsonValueKind.String => ParseBool(key, value.GetString() ?? string.Empty),
                _ => throw WrongType(key, "a boolean"),
            };
            SetFlag(key, flag);
            return;
        }

        if (key == "retry_after")
        {
            _retryAfter = value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => throw WrongType(key, "a string"),
            };
            return;
        }

        if (key == "override_body")
        {
            _overrideBody = value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => value.GetString(),
                _ => value.GetRawText(),
            };
            return;
        }

        int number = value.ValueKind switch
        {
            JsonValueKind.Null => key switch
            {
                "fail_status" => DefaultFailStatus,
                "stall_ms" => DefaultStallMs,
                "override_status" => DefaultOverrideStatus,
                _ => 0,
            },
            JsonValueKind.Number => value.TryGetInt32(out int n) ? n : throw WrongType(key, "an integer"),
            JsonValueKind.String => ParseInt(key, value.GetString() ?? string.Empty),
            _ => throw WrongType(key, "an integer"),
        };
        SetInt(key, number);
    }

    private void SetFlag(string key, bool value)
    {
        switch (key)
        {
            case "has_more_forever": HasMoreForever = value; break;
            case "repeat_page": RepeatPage = value; break;
            default: StuckPage = value; break;
        }
    }

    private void SetString(string key, string? value)
    {
        if (key == "retry_after")
        {
            RetryAfter = value;
        }
        else
        {
            OverrideBody = value;
        }
    }

    private void SetInt(string key, int value)
    {
        try
        {
            switch (key)
            {
                case "latency_ms": LatencyMs = value; break;
                case "fail_429": Fail429 = value; break;
                case "fail_5xx": Fail5xx = value; break;
                case "fail_status": FailStatus = value; break;
                case "html_error": HtmlError = value; break;
                case "truncate_json": TruncateJson = value; break;
                case "reset_mid_body": ResetMidBody = value; break;
                case "stall_body": StallBody = value; break;
                case "stall_ms": StallMs = value; break;
                case "redirect_to_port": RedirectToPort = value; break;
                case "status_override": StatusOverride = value; break;
                case "override_status": OverrideStatus = value; break;
                default: throw new FormatException($"Unknown fault '{key}'.");
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException($"The fault '{key}' cannot be {value.ToString(CultureInfo.InvariantCulture)}: {ex.Message}", ex);
        }
    }

    private static int ParseInt(string key, string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n)
            ? n
            : throw WrongType(key, "an integer");

    private static bool ParseBool(string key, string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw WrongType(key, "a boolean"),
    };

    private static FormatException WrongType(string key, string what) => new($"The fault '{key}' must be {what}.");

    private static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private int Get(ref int field)
    {
        lock (_gate)
        {
            return field;
        }
    }

    private void Set(ref int field, int value)
    {
        lock (_gate)
        {
            field = value;
        }
    }

    private static int NonNegative(int value) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be 0 or more.");

    private static int Status(int value) =>
        value is >= 100 and <= 999 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be an HTTP status code (100-999).");

    private static int Port(int value) =>
        value is >= 0 and <= 65535 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be a TCP port (0 = off).");

    // ---- used by the request pipeline: one consistent decision per request ----

    internal FaultSnapshot TakeFrontFaults()
    {
        lock (_gate)
        {
            FrontFault fault = FrontFault.None;
            if (_statusOverride > 0)
            {
                _statusOverride--;
                fault = FrontFault.StatusOverride;
            }
            else if (_htmlError > 0)
            {
                _htmlError--;
                fault = FrontFault.HtmlError;
            }
            else if (_fail429 > 0)
            {
                _fail429--;
                fault = FrontFault.TooManyRequests;
            }
            else if (_fail5xx > 0)
            {
                _fail5xx--;
                fault = FrontFault.ServerError;
            }

            return new FaultSnapshot(
                fault, _retryAfter, _failStatus, _overrideStatus, _overrideBody,
                _hasMoreForever, _repeatPage, _stuckPage);
        }
    }

    internal int LatencySnapshot() => Get(ref _latencyMs);

    internal int RedirectSnapshot() => Get(ref _redirectToPort);

    internal (BodyFault Fault, int StallMs) TakeBodyFault()
    {
        lock (_gate)
        {
            if (_truncateJson > 0)
            {
                _truncateJson--;
                return (BodyFault.Truncate, _stallMs);
            }

            if (_resetMidBody > 0)
            {
                _resetMidBody--;
                return (BodyFault.Reset, _stallMs);
            }

            if (_stallBody > 0)
            {
                _stallBody--;
                return (BodyFault.Stall, _stallMs);
            }

            return (BodyFault.None, _stallMs);
        }
    }
}

internal enum FrontFault
{
    None,
    StatusOverride,
    HtmlError,
    TooManyRequests,
    ServerError,
}

internal enum BodyFault
{
    None,
    Truncate,
    Reset,
    Stall,
}

internal readonly record struct FaultSnapshot(
    FrontFault Fault,
    string? RetryAfter,
    int FailStatus,
    int OverrideStatus,
    string? OverrideBody,
    bool HasMoreForever,
    bool RepeatPage,
    bool StuckPage);
