using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Mindhunters.FakeApi;

/// <summary>Serves every request of a <see cref="FakeApiServer"/>: the API endpoints and the /_fake control endpoints.</summary>
internal sealed class FakeApiHandler
{
    public const string EndpointPath = "/api/v1/phone-numbers";
    public const string RatesPath = "/api/v1/phone-numbers/rates";
    public const string AgentsPath = "/api/v1/agents";
    private const string JsonContentType = "application/json";

    private const string HtmlBadGateway =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private static readonly TimeSpan ResetDelay = TimeSpan.FromMilliseconds(100);

    private readonly FakeApiServer _server;
    private readonly SelectionCache _cache = new();
    private readonly CancellationToken _stopping;

    public FakeApiHandler(FakeApiServer server, CancellationToken stopping)
    {
        _server = server;
        _stopping = stopping;
    }

    public void ClearCache() => _cache.Clear();

    public async Task HandleAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        CancellationToken token = linked.Token;
        try
        {
            string path = context.Request.Path.Value ?? string.Empty;
            if (string.Equals(path, EndpointPath, StringComparison.Ordinal))
            {
                await ServeApiAsync(context, Route.PhoneNumbers, null, token).ConfigureAwait(false);
            }
            else if (string.Equals(path, RatesPath, StringComparison.Ordinal))
            {
                await ServeApiAsync(context, Route.Rates, null, token).ConfigureAwait(false);
            }
            else if (string.Equals(path, AgentsPath, StringComparison.Ordinal))
            {
                await ServeApiAsync(context, Route.Agents, null, token).ConfigureAwait(false);
            }
            else if (path.StartsWith(EndpointPath + "/", StringComparison.Ordinal) && path.IndexOf('/', EndpointPath.Length + 1) < 0)
            {
                await ServeApiAsync(context, Route.PhoneNumber, path.Substring(EndpointPath.Length + 1), token).ConfigureAwait(false);
            }
            else if (path.StartsWith(HostileResponses.Prefix, StringComparison.Ordinal))
            {
                await HostileResponses.ServeAsync(context, path, _server.Log, token).ConfigureAwait(false);
            }
            else if (path.StartsWith("/_fake/", StringComparison.Ordinal))
            {
                await ServeControlAsync(context, path, token).ConfigureAwait(false);
            }
            else
            {
                await WriteJsonAsync(context, StatusCodes.Status404NotFound, w => ResponseWriter.WriteFailure(w, "Not Found."), token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client went away or the server is stopping: nothing more to say.
            context.Abort();
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            context.Abort();
        }
    }

    // ---------------------------------------------------------------- /api/v1/... : what every endpoint shares

    /// <summary>The endpoints the fake serves.</summary>
    private enum Route
    {
        PhoneNumbers,
        PhoneNumber,
        Rates,
        Agents,
    }

    /// <summary>One request of an API endpoint, with what it needs to record itself.</summary>
    private sealed class ApiRequest
    {
        public ApiRequest(FakeApiServer server, HttpContext context, Route route, string? uuidSegment, string? contentType, string? body)
        {
            Server = server;
            Context = context;
            Route = route;
            UuidSegment = uuidSegment;
            ContentType = contentType;
            Body = body;
            HadAuthorization = context.Request.Headers.ContainsKey("Authorization");
            Query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value!.TrimStart('?') : string.Empty;
        }

        public FakeApiServer Server { get; }
        public HttpContext Context { get; }
        public Route Route { get; }

        /// <summary>{uuid} of PATCH /api/v1/phone-numbers/{uuid}, as sent.</summary>
        public string? UuidSegment { get; }

        public string? ContentType { get; }
        public string? Body { get; }
        public bool HadAuthorization { get; }
        public string Query { get; }

        public void Record(int status) =>
            Server.Log.Add(new RecordedRequest(Context.Request.Method, Context.Request.Path.Value ?? string.Empty, Query, HadAuthorization, status, ContentType, Body));
    }

    private const int MaxRequestBodyBytes = 1024 * 1024;

    private async Task ServeApiAsync(HttpContext context, Route route, string? uuidSegment, CancellationToken token)
    {
        HttpRequest request = context.Request;
        FaultOptions faults = _server.Faults;
        string allowed = route == Route.PhoneNumber ? HttpMethods.Patch : HttpMethods.Get;

        string? body = null;
        string? contentType = null;
        if (HttpMethods.IsPatch(request.Method))
        {
            contentType = request.ContentType ?? string.Empty;
            body = await ReadBodyAsync(request, token).ConfigureAwait(false);
        }

        var api = new ApiRequest(_server, context, route, uuidSegment, contentType, body);
        if (!string.Equals(request.Method, allowed, StringComparison.OrdinalIgnoreCase))
        {
            api.Record(StatusCodes.Status405MethodNotAllowed);
            context.Response.Headers.Allow = allowed;
            await WriteJsonAsync(context, StatusCodes.Status405MethodNotAllowed, w => ResponseWriter.WriteFailure(w, "The " + request.Method + " method is not supported for this route. Supported methods: " + allowed + "."), token).ConfigureAwait(false);
            return;
        }

        int latency = faults.LatencySnapshot();
        if (latency > 0)
        {
            await Task.Delay(latency, token).ConfigureAwait(false);
        }

        int redirectPort = faults.RedirectSnapshot();
        if (redirectPort > 0)
        {
            api.Record(StatusCodes.Status302Found);
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = string.Create(
                CultureInfo.InvariantCulture, $"http://127.0.0.1:{redirectPort}{request.Path.Value}{request.QueryString.Value}");
            context.Response.ContentLength = 0;
            return;
        }

        FaultSnapshot snapshot = faults.TakeFrontFaults();
        switch (snapshot.Fault)
        {
            case FrontFault.StatusOverride:
            {
                int status = snapshot.OverrideStatus;
                api.Record(status);
                if (snapshot.OverrideBody is null)
                {
                    string reason = ReasonPhrases.GetReasonPhrase(status);
                    string message = reason.Length == 0 ? "Error." : reason + ".";
                    await WriteJsonAsync(context, status, w => ResponseWriter.WriteFailure(w, message), token).ConfigureAwait(false);
                }
                else
                {
                    await WriteTextAsync(context, status, JsonContentType, snapshot.OverrideBody, token).ConfigureAwait(false);
                }

                return;
            }

            case FrontFault.HtmlError:
                api.Record(StatusCodes.Status502BadGateway);
                await WriteTextAsync(context, StatusCodes.Status502BadGateway, "text/html", HtmlBadGateway, token).ConfigureAwait(false);
                return;

            case FrontFault.TooManyRequests:
                api.Record(StatusCodes.Status429TooManyRequests);
                SetRetryAfter(context, snapshot.RetryAfter);
                await WriteJsonAsync(context, StatusCodes.Status429TooManyRequests, w => ResponseWriter.WriteFailure(w, "Too Many Attempts."), token).ConfigureAwait(false);
                return;

            case FrontFault.ServerError:
                api.Record(snapshot.FailStatus);
                SetRetryAfter(context, snapshot.RetryAfter);
                await WriteJsonAsync(context, snapshot.FailStatus, w => ResponseWriter.WriteFailureWithError(w, "Service temporarily unavailable.", "maintenance"), token).ConfigureAwait(false);
                return;
        }

        if (!IsAuthorized(request.Headers.Authorization, _server.Token))
        {
            api.Record(StatusCodes.Status401Unauthorized);
            if (route == Route.PhoneNumbers)
            {
                // The phone-number list keeps the answer it always gave (Laravel's default); the newer endpoints
                // answer in the envelope of the errors page.
                await WriteJsonAsync(context, StatusCodes.Status401Unauthorized, w => ResponseWriter.WriteFailure(w, "Unauthenticated."), token).ConfigureAwait(false);
            }
            else if (!api.HadAuthorization)
            {
                await WriteJsonAsync(context, StatusCodes.Status401Unauthorized, w => ResponseWriter.WriteError(w, "Authentication required", "MISSING_AUTH_TOKEN", "No authorization header provided"), token).ConfigureAwait(false);
            }
            else
            {
                await WriteJsonAsync(context, StatusCodes.Status401Unauthorized, w => ResponseWriter.WriteError(w, "Invalid authentication token", "INVALID_AUTH_TOKEN", "The provided token is invalid or has been revoked"), token).ConfigureAwait(false);
            }

            return;
        }

        switch (route)
        {
            case Route.PhoneNumbers:
                await ServePhoneNumbersAsync(api, snapshot, token).ConfigureAwait(false);
                return;
            case Route.Agents:
                await ServeAgentsAsync(api, snapshot, token).ConfigureAwait(false);
                return;
            case Route.Rates:
                await ServeRatesAsync(api, snapshot, token).ConfigureAwait(false);
                return;
            default:
                await ServePatchAsync(api, token).ConfigureAwait(false);
                return;
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken token)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[8 * 1024];
        var text = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), token).ConfigureAwait(false)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxRequestBodyBytes)
            {
                break;
            }
        }

        return text.ToString();
    }

    /// <summary>422 in the documented envelope, for the first error of a query the newer list endpoints refuse.</summary>
    private static Task WriteValidationErrorAsync(ApiRequest api, string field, string details, CancellationToken token)
    {
        api.Record(StatusCodes.Status422UnprocessableEntity);
        return WriteJsonAsync(api.Context, StatusCodes.Status422UnprocessableEntity,
            w => ResponseWriter.WriteError(w, "The given data was invalid.", "VALIDATION_ERROR", details, field), token);
    }

    // ---------------------------------------------------------------- GET /api/v1/phone-numbers

    private async Task ServePhoneNumbersAsync(ApiRequest api, FaultSnapshot snapshot, CancellationToken token)
    {
        ListingRequest? listing = QueryParser.Parse(api.Context.Request.Query, out List<KeyValuePair<string, string>> errors);
        if (listing is null)
        {
            api.Record(StatusCodes.Status422UnprocessableEntity);
            await WriteJsonAsync(api.Context, StatusCodes.Status422UnprocessableEntity, w => ResponseWriter.WriteValidationFailure(w, errors), token).ConfigureAwait(false);
            return;
        }

        int[] indices = _cache.Get(listing.Query, _server.Count);
        PageWindow window = PageWindow.Of(indices.Length, listing.Page, listing.PerPage, snapshot);
        ChannelSettingsStore channels = _server.Channels;
        await WritePageAsync(api, w => ResponseWriter.WriteList(w, ResponseWriter.ListMessage, window,
            (writer, position) => ResponseWriter.WriteItem(writer, channels.Current(FakeData.Item(indices[position])))), token).ConfigureAwait(false);
    }

    // ---------------------------------------------------------------- GET /api/v1/agents

    /// <summary>The page shows no query parameters: page and per_page as on the phone-number list (default 25, at most 100).</summary>
    private async Task ServeAgentsAsync(ApiRequest api, FaultSnapshot snapshot, CancellationToken token)
    {
        var errors = new List<KeyValuePair<string, string>>();
        (long page, int perPage) = QueryParser.Paging(api.Context.Request.Query, QueryParser.DefaultPerPage, QueryParser.MaxPerPage, errors);
        if (errors.Count > 0)
        {
            await WriteValidationErrorAsync(api, errors[0].Key, errors[0].Value, token).ConfigureAwait(false);
            return;
        }

        PageWindow window = PageWindow.Of(_server.AgentCount, page, perPage, snapshot);
        await WritePageAsync(api, w => ResponseWriter.WriteList(w, ResponseWriter.AgentListMessage, window,
            (writer, position) => ResponseWriter.WriteAgent(writer, FakeAgents.Item(position + 1))), token).ConfigureAwait(false);
    }

    // ---------------------------------------------------------------- GET /api/v1/phone-numbers/rates

    public const int RatesDefaultPerPage = 50;
    public const int RatesMaxPerPage = 200;

    private async Task ServeRatesAsync(ApiRequest api, FaultSnapshot snapshot, CancellationToken token)
    {
        IQueryCollection query = api.Context.Request.Query;
        var errors = new List<KeyValuePair<string, string>>();
        (long page, int perPage) = QueryParser.Paging(query, RatesDefaultPerPage, RatesMaxPerPage, errors);
        if (errors.Count > 0)
        {
            await WriteValidationErrorAsync(api, errors[0].Key, errors[0].Value, token).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<FakeRate> rates = FakeRates.Select(QueryParser.Value(query, "country_code"), QueryParser.Value(query, "prefix"));
        PageWindow window = PageWindow.Of(rates.Count, page, perPage, snapshot);
        await WritePageAsync(api, w => ResponseWriter.WriteList(w, null, window,
            (writer, position) => ResponseWriter.WriteRate(writer, rates[position])), token).ConfigureAwait(false);
    }

    // ---------------------------------------------------------------- PATCH /api/v1/phone-numbers/{uuid}

    private async Task ServePatchAsync(ApiRequest api, CancellationToken token)
    {
        HttpContext context = api.Context;
        if (!Guid.TryParseExact(api.UuidSegment, "D", out Guid uuid) || !FakeData.TryIndexOf(uuid, out int index) || index > _server.Count)
        {
            api.Record(StatusCodes.Status404NotFound);
            string details = $"No phone number with uuid '{api.UuidSegment}' exists in this workspace.";
            await WriteJsonAsync(context, StatusCodes.Status404NotFound, w => ResponseWriter.WriteError(w, "Phone number not found.", "NOT_FOUND", details), token).ConfigureAwait(false);
            return;
        }

        if (!(api.ContentType ?? string.Empty).StartsWith(JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            api.Record(StatusCodes.Status400BadRequest);
            await WriteJsonAsync(context, StatusCodes.Status400BadRequest, w => ResponseWriter.WriteError(w, "The request body must be JSON.", "INVALID_CONTENT_TYPE", "Send the body as application/json."), token).ConfigureAwait(false);
            return;
        }

        FakePhoneNumber number = _server.Channels.Current(FakeData.Item(index));
        ChannelSettingsPatch? patch;
        PatchError? error;
        try
        {
            using JsonDocument document = JsonDocument.Parse(api.Body ?? string.Empty);
            patch = ChannelSettingsParser.Parse(document.RootElement, number, out error);
        }
        catch (JsonException ex)
        {
            api.Record(StatusCodes.Status400BadRequest);
            await WriteJsonAsync(context, StatusCodes.Status400BadRequest, w => ResponseWriter.WriteError(w, "The request body is not valid JSON.", "INVALID_JSON", ex.Message), token).ConfigureAwait(false);
            return;
        }

        if (patch is null)
        {
            await WriteValidationErrorAsync(api, error!.Field, error.Details, token).ConfigureAwait(false);
            return;
        }

        FakePhoneNumber updated = _server.Channels.Apply(number, patch);
        await WritePageAsync(api, w => ResponseWriter.WriteData(w, writer => ResponseWriter.WriteItem(writer, updated)), token).ConfigureAwait(false);
    }

    // ---------------------------------------------------------------- a 200 and its body faults

    /// <summary>Writes a 200 with the body <paramref name="write"/> makes, applying one counted body fault if any is set.</summary>
    private async Task WritePageAsync(ApiRequest api, Action<Utf8JsonWriter> write, CancellationToken token)
    {
        using var body = new PooledBufferWriter(64 * 1024);
        using (var writer = new Utf8JsonWriter(body, Json.WriterOptions))
        {
            write(writer);
        }

        (BodyFault bodyFault, int stallMs) = _server.Faults.TakeBodyFault();
        api.Record(StatusCodes.Status200OK);
        HttpContext context = api.Context;
        HttpResponse response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        ReadOnlyMemory<byte> bytes = body.WrittenMemory;
        int half = bytes.Length / 2;
        switch (bodyFault)
        {
            case BodyFault.Truncate:
                // No Content-Length: the (chunked) response ends normally, the JSON in it does not.
                await response.Body.WriteAsync(bytes.Slice(0, half), token).ConfigureAwait(false);
                return;

            case BodyFault.Reset:
                response.ContentLength = bytes.Length;
                await response.Body.WriteAsync(bytes.Slice(0, half), token).ConfigureAwait(false);
                await response.Body.FlushAsync(token).ConfigureAwait(false);

                // Let the headers and the first half reach the client before the reset, which can discard
                // data the client has not read yet.
                await Task.Delay(ResetDelay, token).ConfigureAwait(false);
                context.Abort();
                return;

            case BodyFault.Stall:
                response.ContentLength = bytes.Length;
                await response.Body.WriteAsync(bytes.Slice(0, half), token).ConfigureAwait(false);
                await response.Body.FlushAsync(token).ConfigureAwait(false);
                await Task.Delay(stallMs, token).ConfigureAwait(false);
                await response.Body.WriteAsync(bytes.Slice(half), token).ConfigureAwait(false);
                return;

            default:
                response.ContentLength = bytes.Length;
                await response.Body.WriteAsync(bytes, token).ConfigureAwait(false);
                return;
        }
    }

    internal static bool IsAuthorized(StringValues authorization, string token)
    {
        if (authorization.Count != 1 || authorization[0] is not string value)
        {
            return false;
        }

        const string scheme = "Bearer ";
        if (value.Length <= scheme.Length || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.Equals(value.AsSpan(scheme.Length).Trim().ToString(), token, StringComparison.Ordinal);
    }

    private static void SetRetryAfter(HttpContext context, string? retryAfter)
    {
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
    }

    // ---------------------------------------------------------------- /_fake control endpoints

    private async Task ServeControlAsync(HttpContext context, string path, CancellationToken token)
    {
        string method = context.Request.Method;
        switch (path)
        {
            case "/_fake/requests":
                if (HttpMethods.IsGet(method))
                {
                    RecordedRequest[] requests = _server.Log.Snapshot();
                    await WriteJsonAsync(context, StatusCodes.Status200OK, w => ResponseWriter.WriteRequests(w, requests), token).ConfigureAwait(false);
                    return;
                }

                if (HttpMethods.IsDelete(method))
                {
                    _server.Log.Clear();
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    return;
                }

                break;

            case "/_fake/faults":
                if (HttpMethods.IsGet(method))
                {
                    await WriteJsonAsync(context, StatusCodes.Status200OK, w => _server.Faults.WriteJson(w), token).ConfigureAwait(false);
                    return;
                }

                if (HttpMethods.IsPost(method) || HttpMethods.IsPut(method))
                {
                    FaultOptions replacement;
                    try
                    {
                        using JsonDocument document = await JsonDocument.ParseAsync(context.Request.Body, default, token).ConfigureAwait(false);
                        replacement = FaultOptions.FromJson(document.RootElement);
                    }
                    catch (Exception ex) when (ex is JsonException or FormatException)
                    {
                        await WriteBadRequestAsync(context, ex.Message, token).ConfigureAwait(false);
                        return;
                    }

                    _server.Faults.CopyFrom(replacement);
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    return;
                }

                if (HttpMethods.IsDelete(method))
                {
                    _server.Faults.Reset();
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    return;
                }

                break;

            case "/_fake/channel-settings":
                if (HttpMethods.IsDelete(method))
                {
                    _server.ResetChannelSettings();
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    return;
                }

                break;

            case "/_fake/count":
            case "/_fake/agent-count":
                // The size of the phone-number data set, or how many agents GET /api/v1/agents lists.
                bool agents = path == "/_fake/agent-count";
                if (HttpMethods.IsPut(method) || HttpMethods.IsPost(method))
                {
                    string? text = context.Request.Query["value"].ToString();
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > 9_999_999)
                    {
                        await WriteBadRequestAsync(context, "value must be an integer from 0 to 9999999.", token).ConfigureAwait(false);
                        return;
                    }

                    if (agents) _server.AgentCount = value;
                    else _server.Count = value;
                }
                else if (!HttpMethods.IsGet(method))
                {
                    break;
                }

                await WriteCountAsync(context, agents ? _server.AgentCount : _server.Count, token).ConfigureAwait(false);
                return;

            default:
                await WriteJsonAsync(context, StatusCodes.Status404NotFound, w => ResponseWriter.WriteFailure(w, "Not Found."), token).ConfigureAwait(false);
                return;
        }

        await WriteJsonAsync(context, StatusCodes.Status405MethodNotAllowed, w => ResponseWriter.WriteFailure(w, "Method not allowed."), token).ConfigureAwait(false);
    }

    private static Task WriteCountAsync(HttpContext context, int count, CancellationToken token) =>
        WriteJsonAsync(
            context,
            StatusCodes.Status200OK,
            w =>
            {
                w.WriteStartObject();
                w.WriteNumber("count"u8, count);
                w.WriteEndObject();
            },
            token);

    private static Task WriteBadRequestAsync(HttpContext context, string message, CancellationToken token) =>
        WriteJsonAsync(
            context,
            StatusCodes.Status400BadRequest,
            w =>
            {
                w.WriteStartObject();
                w.WriteString("error"u8, message);
                w.WriteEndObject();
            },
            token);

    // ---------------------------------------------------------------- helpers

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write, CancellationToken token)
    {
        using var body = new PooledBufferWriter(4 * 1024);
        using (var writer = new Utf8JsonWriter(body, Json.WriterOptions))
        {
            write(writer);
        }

        HttpResponse response = context.Response;
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        response.ContentLength = body.WrittenCount;
        await response.Body.WriteAsync(body.WrittenMemory, token).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(HttpContext context, int status, string contentType, string text, CancellationToken token)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        HttpResponse response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, token).ConfigureAwait(false);
    }
}
