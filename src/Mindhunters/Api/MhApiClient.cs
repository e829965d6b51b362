using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api.Json;

namespace Mindhunters.Api
{
    /// <summary>
    /// One request to the API, for any endpoint: its retries, its timeout, its size limit, the mapping of failures to
    /// <see cref="MhApiException"/>, and the parse straight from the response stream.
    /// </summary>
    internal sealed class MhApiClient
    {
        private static readonly Lazy<HttpClient> SharedHttpClient = new Lazy<HttpClient>(() => CreateHttpClient(useProxy: true), LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly Lazy<HttpClient> LoopbackHttpClient = new Lazy<HttpClient>(() => CreateHttpClient(useProxy: false), LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly object RandomLock = new object();
        private static readonly Random Jitter = new Random();
        private static readonly MediaTypeHeaderValue JsonContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        /// <summary>The client every cmdlet, runspace and thread of the process shares.</summary>
        public static readonly MhApiClient Default = new MhApiClient(SharedHttpClient, RetryPolicy.Default, (delay, token) => Task.Delay(delay, token), LoopbackHttpClient);

        private readonly Lazy<HttpClient> _http;
        private readonly Lazy<HttpClient> _loopbackHttp;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        /// <param name="loopbackHttp">The client for a loopback base URI, which must never go through a proxy; <paramref name="http"/> when null.</param>
        internal MhApiClient(Lazy<HttpClient> http, RetryPolicy retryPolicy, Func<TimeSpan, CancellationToken, Task> delay, Lazy<HttpClient>? loopbackHttp = null)
        {
            _http = http;
            _loopbackHttp = loopbackHttp ?? http;
            RetryPolicy = retryPolicy;
            _delay = delay;
        }

        public RetryPolicy RetryPolicy { get; }

        /// <summary>Set once by the module from the host: "Mindhunters-PowerShell/0.1.0 PowerShell/Core 7.6.9".</summary>
        public static string UserAgent { get; set; } = "Mindhunters-PowerShell/" + typeof(MhApiClient).Assembly.GetName().Version?.ToString(3);

        /// <param name="useProxy">
        /// False for loopback addresses: an http:// loopback API sent through HTTP_PROXY would carry the token in clear
        /// text to another process, and the system proxy settings do not reliably exempt 127.0.0.1.
        /// </param>
        internal static HttpClient CreateHttpClient(bool useProxy = true)
        {
            var handler = new HttpClientHandler
            {
                // The token must reach only the connection's host: a redirect is reported, never followed.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
                UseProxy = useProxy,
            };
            // The per-request timeout is ours (a linked token), so that it also covers a body that stalls.
            return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <summary>One page of a listing.</summary>
        /// <param name="onThrottled">Called when the server answers 429, so a parallel listing can slow down.</param>
        /// <param name="budget">What the listing's pages may hold together; the page holds its share until it is disposed.</param>
        public Task<ListPage<T>> GetPageAsync<T>(MhConnection connection, ListEndpoint<T> endpoint, IListQuery query, int page, int perPage,
            IListingLog log, Action? onThrottled, CancellationToken cancellationToken, ListingBudget? budget = null) where T : class
        {
            var uri = new Uri(connection.EndpointUri(endpoint.Path) + "?" + QueryString.Of(page, perPage, query));
            var operation = ApiOperation.ListPage(endpoint.Noun, endpoint.Command, page);
            return SendAsync(connection, HttpMethod.Get, uri, null, operation, log, onThrottled, cancellationToken,
                async (response, elapsed, token) =>
                {
                    var allowance = new PageAllowance(budget);
                    try
                    {
                        ListPage<T> result = await ReadPageAsync(connection, endpoint, response, page, perPage, operation, allowance, token).ConfigureAwait(false);
                        log.Verbose(DescribePage(connection, uri, response, elapsed, result, perPage));
                        log.Debug(PageDebug.Describe(response, result));
                        return result;
                    }
                    catch
                    {
                        allowance.Dispose();
                        throw;
                    }
                });
        }

        /// <summary>
        /// A write: one request through the same retries, timeout, limits and error mapping as a page, except that a POST
        /// is sent again only when it certainly did not reach the server (<see cref="WriteRequest{T}.Idempotent"/>). The
        /// answer is checked: "success": false is a refusal, an answer about another object than the one sent cannot be
        /// used, and a 2xx without a body is success with nothing to return.
        /// </summary>
        /// <param name="pace">The command's pace after a 429: the wait before this write, and what a 429 now sets.</param>
        /// <returns>The object the API sent back in "data"; null when the answer had no body.</returns>
        public async Task<T?> WriteAsync<T>(MhConnection connection, WriteRequest<T> request, IListingLog log, CancellationToken cancellationToken,
            WritePace? pace = null) where T : class
        {
            using SecretBody secret = new SecretBody(request.HoldsSecret ? request.Body : null);
            var uri = new Uri(connection.EndpointUri(request.Path));
            ApiOperation operation = request.Operation;
            if (pace?.Gap is TimeSpan gap)
            {
                log.Verbose(string.Format(CultureInfo.InvariantCulture, "Waiting {0:0.0} s before the next request: the server throttled this command (429).", gap.TotalSeconds));
                await _delay(gap, cancellationToken).ConfigureAwait(false);
            }
            return await SendAsync(connection, request.Method, uri, request.Body, operation, log, null, cancellationToken,
                async (response, elapsed, token) =>
                {
                    ItemResponse<T>? body;
                    using (var allowance = new PageAllowance(null))
                    {
                        body = await ParseAsync(connection, response, request.ResponseType, operation, allowance, token, allowEmpty: true).ConfigureAwait(false);
                    }
                    // The Verbose line is put together only for someone to read it: a bulk write is answered thousands of times.
                    if (body is null)
                    {
                        if (log.VerboseWanted) log.Verbose(DescribeWrite(connection, request.Method, uri, response, elapsed) + ", no body");
                        return null;
                    }
                    if (body.Success == false) throw WriteErrors.Refused(connection, response, body.Message, operation);
                    if (body.Data is not T data)
                    {
                        if (!request.AnswerMayLackData) throw NoData(connection, response, uri, body.Message, operation);
                        if (log.VerboseWanted) log.Verbose(DescribeWrite(connection, request.Method, uri, response, elapsed) + ", no data");
                        return null;
                    }
                    if (request.About is Guid about && request.IdOf?.Invoke(data) is Guid answered && answered != about)
                    {
                        throw WriteErrors.AboutAnother(response, about, answered, operation);
                    }
                    if (request.AboutNumber is string number && request.NumberOf?.Invoke(data) is string answeredNumber
                        && E164.Digits(answeredNumber) != E164.Digits(number))
                    {
                        throw WriteErrors.AboutAnotherNumber(response, number, answeredNumber, connection, operation);
                    }
                    if (log.VerboseWanted) log.Verbose(DescribeWrite(connection, request.Method, uri, response, elapsed));
                    return data;
                }, request.Idempotent, pace).ConfigureAwait(false);
        }

        /// <param name="idempotent">False for a POST: it is not sent again once it may have reached the server.</param>
        /// <param name="pace">A write command's pace, which a 429 slows for every write that follows.</param>
        internal async Task<TResult> SendAsync<TResult>(MhConnection connection, HttpMethod method, Uri uri, byte[]? jsonBody, ApiOperation operation,
            IListingLog log, Action? onThrottled, CancellationToken cancellationToken,
            Func<HttpResponseMessage, Stopwatch, CancellationToken, Task<TResult>> readSuccess, bool idempotent = true, WritePace? pace = null)
        {
            HttpClient http = connection.IsLoopback ? _loopbackHttp.Value : _http.Value;
            int timeouts = 0;
            for (int retry = 0; ; retry++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Stopwatch elapsed = Stopwatch.StartNew();
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptTimeout.CancelAfter(connection.Timeout);
                TimeSpan? retryAfter = null;
                int? failedStatus = null;
                string failure;
                try
                {
                    using HttpRequestMessage request = CreateRequest(connection, method, uri, jsonBody);
                    using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token).ConfigureAwait(false);
                    int status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return await readSuccess(response, elapsed, attemptTimeout.Token).ConfigureAwait(false);
                    }
                    failure = ApiErrors.StatusText(response, connection);
                    log.Verbose($"{method} {uri} -> {failure} in {elapsed.ElapsedMilliseconds} ms");
                    // A 429 is answered before any work is done, so even a POST can be sent again after one.
                    bool retryable = RetryPolicy.IsRetryableStatus(status) && (idempotent || status == 429);
                    if (!retryable || retry >= RetryPolicy.MaxRetries)
                    {
                        string body = await ApiErrors.ReadBodyAsync(response, attemptTimeout.Token, cancellationToken).ConfigureAwait(false);
                        MhApiException error = ApiErrors.FromResponse(connection, response, body, operation, retry);
                        throw retryable || !RetryPolicy.IsRetryableStatus(status) ? error : WriteErrors.MayHaveArrived(error, operation);
                    }
                    if (status == 429) onThrottled?.Invoke();
                    retryAfter = RetryPolicy.ParseRetryAfter(FirstValue(response.Headers, "Retry-After"), DateTimeOffset.UtcNow);
                    failedStatus = status;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"no answer within {connection.Timeout.TotalSeconds:0} s";
                    log.Verbose($"{method} {uri} -> timed out after {elapsed.ElapsedMilliseconds} ms");
                    // A server that stalls once is retried once: two attempts, not four, so a stall costs about twice -TimeoutSec.
                    // A POST that got no answer may have been done: it is not sent again.
                    if (!idempotent || ++timeouts > 1 || retry >= RetryPolicy.MaxRetries)
                    {
                        var timedOut = new MhApiException(MhErrorKind.Timeout,
                            $"{operation.Failed}: {connection.BaseUri.Host} gave {failure}{(idempotent ? ", twice" : "")}.",
                            "Try again later, or allow more time with Connect-MhAccount -TimeoutSec.") { Page = operation.Page };
                        throw idempotent ? timedOut : WriteErrors.MayHaveArrived(timedOut, operation);
                    }
                }
                catch (Exception e) when (TransportFailures.IsUnreadableAnswer(e))
                {
                    throw new MhApiException(MhErrorKind.InvalidResponse,
                        $"{operation.Failed}: {connection.BaseUri.Host} answered with something that is not a valid HTTP response ({ServerText.Clean(TransportFailures.Innermost(e).Message, connection)}).",
                        "Check that the base URI points at the Mindhunters API (Get-MhContext); a proxy or gateway in between may be failing.", e)
                    { Page = operation.Page };
                }
                catch (Exception e) when (TransportFailures.IsNetworkFailure(e))
                {
                    failure = "network error: " + ServerText.Clean(TransportFailures.Innermost(e).Message, connection);
                    log.Verbose($"{method} {uri} -> {failure} after {elapsed.ElapsedMilliseconds} ms");
                    // A refused connection carried nothing; any other network error may have cut a POST that arrived.
                    bool mayHaveArrived = !idempotent && !TransportFailures.IsConnectionRefused(e);
                    if (retry >= RetryPolicy.MaxRetries || mayHaveArrived)
                    {
                        var unreachable = new MhApiException(MhErrorKind.Connection,
                            $"{operation.Failed}: could not reach {connection.BaseUri.Host} ({failure}; {retry} retries).",
                            "Check the network, the proxy and the subdomain or base URI (Get-MhContext), then run the command again.", e) { Page = operation.Page };
                        throw mayHaveArrived ? WriteErrors.MayHaveArrived(unreachable, operation) : unreachable;
                    }
                }

                double random01;
                lock (RandomLock) random01 = Jitter.NextDouble();
                TimeSpan? wait = RetryPolicy.Delay(retry + 1, retryAfter, random01);
                if (wait is null)
                {
                    // Only a response sets Retry-After: the error is that status's (MhThrottled for a 429).
                    bool throttled = failedStatus == 429;
                    string asked = retryAfter == TimeSpan.MaxValue ? "longer than the module can count" : $"{retryAfter!.Value.TotalSeconds:0} s";
                    throw new MhApiException(throttled ? MhErrorKind.Throttled : MhErrorKind.ServiceUnavailable,
                        $"{operation.Failed}: {failure}, and the server asked to wait {asked}, more than the {RetryPolicy.MaxRetryAfter.TotalSeconds:0} s the module waits.",
                        throttled ? "Run the command again later, when the workspace's rate limit has recovered." : "The Mindhunters service is down for a while; run the command again later.")
                    { Page = operation.Page, StatusCode = failedStatus };
                }
                if (failedStatus == 429) pace?.Throttled(retryAfter ?? wait.Value);
                log.Verbose(string.Format(CultureInfo.InvariantCulture,
                    "Waiting {0:0.0} s before retry {1} of {2}{3} ({4}{5}).",
                    wait.Value.TotalSeconds, retry + 1, RetryPolicy.MaxRetries, operation.Page is int p ? $" for page {p}" : "", failure,
                    retryAfter is TimeSpan ra ? $", Retry-After {ra.TotalSeconds:0} s" : ""));
                await _delay(wait.Value, cancellationToken).ConfigureAwait(false);
            }
        }

        private static HttpRequestMessage CreateRequest(MhConnection connection, HttpMethod method, Uri uri, byte[]? jsonBody)
        {
            var request = new HttpRequestMessage(method, uri);
            request.Headers.TryAddWithoutValidation("Authorization", connection.CreateAuthorizationHeaderValue());
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            // A DELETE has no body: none is sent, rather than an empty one with a JSON content type.
            if (jsonBody is { Length: > 0 })
            {
                request.Content = new ByteArrayContent(jsonBody);
                request.Content.Headers.ContentType = JsonContentType;
            }
            return request;
        }

        private static string? FirstValue(HttpResponseHeaders headers, string name)
        {
            if (!headers.TryGetValues(name, out IEnumerable<string>? values)) return null;
            foreach (string value in values) return value;
            return null;
        }

        private static async Task<ListPage<T>> ReadPageAsync<T>(MhConnection connection, ListEndpoint<T> endpoint, HttpResponseMessage response,
            int page, int perPage, ApiOperation operation, PageAllowance allowance, CancellationToken cancellationToken) where T : class
        {
            ListResponse<T>? body;
            try
            {
                body = await ParseAsync(connection, response, endpoint.ResponseType, operation, allowance, cancellationToken, maxItems: perPage).ConfigureAwait(false);
            }
            catch (TooManyItemsException)
            {
                throw new MhApiException(MhErrorKind.InvalidResponse,
                    $"{operation.Failed}: the server sent more than {perPage} {endpoint.Noun} on a page of {perPage}. The listing was ended rather than trust it.",
                    "Check that the base URI points at the Mindhunters API (Get-MhContext); if it does, report it to Mindhunters support.")
                { Page = page, StatusCode = (int)response.StatusCode };
            }
            if (body?.Data is null) throw NoData(connection, response, response.RequestMessage?.RequestUri, body?.Message, operation);
            List<T> items = body.Data.Items ?? new List<T>();
            PaginationInfo? pagination = body.Data.Pagination;
            return new ListPage<T>(page, items, pagination?.CurrentPage, pagination?.PerPage, pagination?.Total, pagination?.LastPage, pagination?.HasMore, allowance);
        }

        /// <summary>Deserializes a success body from the stream, within <see cref="ReadLimits"/> and the attempt's time.</summary>
        /// <param name="allowance">What the answer may hold; it is charged as the bytes arrive.</param>
        /// <param name="allowEmpty">A body may be missing (a write's 204): then the result is null, not an error.</param>
        /// <param name="maxItems">A page's per_page: more items end the read (<see cref="TooManyItemsException"/>).</param>
        internal static async Task<TBody?> ParseAsync<TBody>(MhConnection connection, HttpResponseMessage response, JsonTypeInfo<TBody> type,
            ApiOperation operation, PageAllowance allowance, CancellationToken cancellationToken, bool allowEmpty = false, int maxItems = int.MaxValue)
        {
            if (allowEmpty && (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)) return default;
            using Stream stream = new BoundedJsonStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), allowance, maxItems);
            // The framework's streams do not all honour a token while they wait for bytes: disposing the stream does.
            using (cancellationToken.Register(() => stream.Dispose()))
            {
                try
                {
                    return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
                {
                    // The stream was disposed under a pending read (the token's registration above): whatever the read
                    // then threw, it is the cancellation, not a broken answer.
                    throw new OperationCanceledException(cancellationToken);
                }
                catch (JsonException) when (allowEmpty && stream.Position == 0)
                {
                    // An empty body without a Content-Length (chunked): no body either.
                    return default;
                }
                catch (Exception e) when (e is JsonException or InvalidDataException or ResponseTooLargeException)
                {
                    string problem = e switch
                    {
                        ResponseTooLargeException tooLarge => tooLarge.Message,
                        InvalidDataException => "its compressed body is corrupt",
                        _ => "it is not the JSON the API documents (" + ServerText.Clean(e.Message, connection, 200) + ")",
                    };
                    throw new MhApiException(MhErrorKind.InvalidResponse,
                        $"{operation.Failed}: the server's answer ({ApiErrors.StatusText(response, connection)}) could not be used: {problem}.",
                        "Run the command again; if it keeps failing, the base URI may point at something other than the Mindhunters API (Get-MhContext).", e)
                    {
                        Page = operation.Page,
                        StatusCode = (int)response.StatusCode,
                        SizeRefusal = (e as ResponseTooLargeException)?.Refusal ?? PageSizeRefusal.None,
                        // The item the limit was crossed in was not read whole.
                        ItemsBeforeRefusal = Math.Max(0, ((e as ResponseTooLargeException)?.ItemsStarted ?? 0) - 1),
                    };
                }
            }
        }

        private static MhApiException NoData(MhConnection connection, HttpResponseMessage response, Uri? uri, string? message, ApiOperation operation)
        {
            string said = ServerText.Clean(message, connection, 200);
            return new MhApiException(MhErrorKind.InvalidResponse,
                $"{operation.Failed}: the answer from {uri?.Host ?? connection.BaseUri.Host} has no 'data' object{(said.Length > 0 ? " (message: " + said + ")" : "")}.",
                "Check that the base URI points at the Mindhunters API (Get-MhContext).")
            { Page = operation.Page, StatusCode = (int)response.StatusCode };
        }

        private static string DescribeWrite(MhConnection connection, HttpMethod method, Uri uri, HttpResponseMessage response, Stopwatch elapsed) =>
            $"{method} {uri} -> {ApiErrors.StatusText(response, connection)} in {elapsed.ElapsedMilliseconds} ms";

        private static string DescribePage<T>(MhConnection connection, Uri uri, HttpResponseMessage response, Stopwatch elapsed, ListPage<T> page, int perPage)
        {
            string total = page.Total is long t ? $" of {t}" : "";
            string items;
            if (page.Items.Count == 0)
            {
                items = "no items" + (page.Total is long all ? $" (total {all})" : "");
            }
            else
            {
                // Positions as the server numbers them, which follow its page size when it differs from the one asked.
                long size = page.PerPage is long served && served > 0 ? served : perPage;
                long from = (page.RequestedPage - 1) * size + 1;
                items = $"items {from}-{from + page.Items.Count - 1}{total}";
            }
            return $"GET {uri} -> {ApiErrors.StatusText(response, connection)} in {elapsed.ElapsedMilliseconds} ms, {items}";
        }
    }
}
