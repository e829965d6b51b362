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

/// <summary>Serves every request of a <see cref="FakeApiServer"/>: the API endpoint and the /_fake control endpoints.</summary>
internal sealed class FakeApiHandler
{
    public const string EndpointPath = "/api/v1/phone-numbers";
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
                await ServeEndpointAsync(context, token).ConfigureAwait(false);
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

    // ---------------------------------------------------------------- GET /api/v1/phone-numbers

    private async Task ServeEndpointAsync(HttpContext context, CancellationToken token)
    {
        HttpRequest request = context.Request;
        FaultOptions faults = _server.Faults;
        bool hadAuthorization = request.Headers.ContainsKey("Authorization");
        string query = request.QueryString.HasValue ? request.QueryString.Value!.TrimStart('?') : string.Empty;

        void Record(int status) =>
            _server.Log.Add(new RecordedRequest(request.Method, request.Path.Value ?? string.Empty, query, hadAuthorization, status));

        if (!HttpMethods.IsGet(request.Method))
        {
            Record(StatusCodes.Status405MethodNotAllowed);
            context.Response.Headers.Allow = "GET";
            await WriteJsonAsync(context, StatusCodes.Status405MethodNotAllowed, w => ResponseWriter.WriteFailure(w, "The " + request.Method + " method is not supported for this route. Supported methods: GET."), token).ConfigureAwait(false);
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
            Record(StatusCodes.Status302Found);
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
                Record(status);
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
                Record(StatusCodes.Status502BadGateway);
                await WriteTextAsync(context, StatusCodes.Status502BadGateway, "text/html", HtmlBadGateway, token).ConfigureAwait(false);
                return;

            case FrontFault.TooManyRequests:
                Record(StatusCodes.Status429TooManyRequests);
                SetRetryAfter(context, snapshot.RetryAfter);
                await WriteJsonAsync(context, StatusCodes.Status429TooManyRequests, w => ResponseWriter.WriteFailure(w, "Too Many Attempts."), token).ConfigureAwait(false);
                return;

            case FrontFault.ServerError:
                Record(snapshot.FailStatus);
                SetRetryAfter(context, snapshot.RetryAfter);
                await WriteJsonAsync(context, snapshot.FailStatus, w => ResponseWriter.WriteFailureWithError(w, "Service temporarily unavailable.", "maintenance"), token).ConfigureAwait(false);
                return;
        }

        if (!IsAuthorized(request.Headers.Authorization, _server.Token))
        {
            Record(StatusCodes.Status401Unauthorized);
            await WriteJsonAsync(context, StatusCodes.Status401Unauthorized, w => ResponseWriter.WriteFailure(w, "Unauthenticated."), token).ConfigureAwait(false);
            return;
        }

        ListingRequest? listing = QueryParser.Parse(request.Query, out List<KeyValuePair<string, string>> errors);
        if (listing is null)
        {
            Record(StatusCodes.Status422UnprocessableEntity);
            await WriteJsonAsync(context, StatusCodes.Status422UnprocessableEntity, w => ResponseWriter.WriteValidationFailure(w, errors), token).ConfigureAwait(false);
            return;
        }

        using var body = new PooledBufferWriter(64 * 1024);
        using (var writer = new Utf8JsonWriter(body, Json.WriterOptions))
        {
            WritePage(writer, listing, snapshot);
        }

        (BodyFault bodyFault, int stallMs) = faults.TakeBodyFault();
        Record(StatusCodes.Status200OK);
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

    private void WritePage(Utf8JsonWriter writer, ListingRequest listing, FaultSnapshot faults)
    {
        int[] indices = _cache.Get(listing.Query, _server.Count);
        int total = indices.Length;
        int perPage = listing.PerPage;
        long page = listing.Page;
        long lastPage = Math.Max(1, (total + (long)perPage - 1) / perPage);

        // (page - 1) * perPage, saturated: page can be any positive long.
        long start = page - 1 > int.MaxValue ? long.MaxValue : (page - 1) * perPage;
        long itemsStart = faults.RepeatPage ? 0 : start;
        int itemCount = itemsStart >= total ? 0 : (int)Math.Min(perPage, total - itemsStart);
        long? from = itemCount > 0 ? start + 1 : null;
        long? to = itemCount > 0 ? start + itemCount : null;

        bool hasMore = page < lastPage;
        if (faults.HasMoreForever)
        {
            hasMore = true;
            lastPage = page == long.MaxValue ? page : page + 1;
        }

        long currentPage = faults.StuckPage ? 1 : page;
        ResponseWriter.WriteList(writer, indices, (int)Math.Min(itemsStart, int.MaxValue), itemCount, currentPage, perPage, lastPage, from, to, hasMore);
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

            case "/_fake/count":
                if (HttpMethods.IsGet(method))
                {
                    await WriteCountAsync(context, token).ConfigureAwait(false);
                    return;
                }

                if (HttpMethods.IsPut(method) || HttpMethods.IsPost(method))
                {
                    string? text = context.Request.Query["value"].ToString();
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count > 9_999_999)
                    {
                        await WriteBadRequestAsync(context, "value must be an integer from 0 to 9999999.", token).ConfigureAwait(false);
                        return;
                    }

                    _server.Count = count;
                    await WriteCountAsync(context, token).ConfigureAwait(false);
                    return;
                }

                break;

            default:
                await WriteJsonAsync(context, StatusCodes.Status404NotFound, w => ResponseWriter.WriteFailure(w, "Not Found."), token).ConfigureAwait(false);
                return;
        }

        await WriteJsonAsync(context, StatusCodes.Status405MethodNotAllowed, w => ResponseWriter.WriteFailure(w, "Method not allowed."), token).ConfigureAwait(false);
    }

    private Task WriteCountAsync(HttpContext context, CancellationToken token)
    {
        int count = _server.Count;
        return WriteJsonAsync(
            context,
            StatusCodes.Status200OK,
            w =>
            {
                w.WriteStartObject();
                w.WriteNumber("count"u8, count);
                w.WriteEndObject();
            },
            token);
    }

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
