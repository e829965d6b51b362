using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api.Json;
using Mindhunters.Model;

namespace Mindhunters.Api
{
    /// <summary>
    /// Fetches one page of phone numbers: the request, its retries, its timeout, the mapping of failures to
    /// <see cref="MhApiException"/>, and the parse straight from the response stream.
    /// </summary>
    internal sealed class MhApiClient
    {
        private const int MaxErrorBodyChars = 16 * 1024;

        private static readonly Lazy<HttpClient> SharedHttpClient = new Lazy<HttpClient>(CreateHttpClient, LazyThreadSafetyMode.ExecutionAndPublication);
        private static readonly object RandomLock = new object();
        private static readonly Random Jitter = new Random();

        /// <summary>The client every cmdlet, runspace and thread of the process shares.</summary>
        public static readonly MhApiClient Default = new MhApiClient(SharedHttpClient, RetryPolicy.Default, (delay, token) => Task.Delay(delay, token));

        private readonly Lazy<HttpClient> _http;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        internal MhApiClient(Lazy<HttpClient> http, RetryPolicy retryPolicy, Func<TimeSpan, CancellationToken, Task> delay)
        {
            _http = http;
            RetryPolicy = retryPolicy;
            _delay = delay;
        }

        public RetryPolicy RetryPolicy { get; }

        /// <summary>Set once by the module from the host: "Mindhunters-PowerShell/0.1.0 PowerShell/Core 7.6.9".</summary>
        public static string UserAgent { get; set; } = "Mindhunters-PowerShell/" + typeof(MhApiClient).Assembly.GetName().Version?.ToString(3);

        internal static HttpClient CreateHttpClient()
        {
            var handler = new HttpClientHandler
            {
                // The token must reach only the connection's host: a redirect is reported, never followed.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
            };
            // The per-request timeout is ours (a linked token), so that it also covers a body that stalls.
            return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <param name="onThrottled">Called when the server answers 429, so a parallel listing can slow down.</param>
        public async Task<PhoneNumberPage> GetPhoneNumberPageAsync(
            MhConnection connection, PhoneNumberQuery query, int page, int perPage, IListingLog log, Action? onThrottled, CancellationToken cancellationToken)
        {
            var uri = new Uri(connection.PhoneNumbersUri + "?" + query.ToQueryString(page, perPage));
            for (int retry = 0; ; retry++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Stopwatch elapsed = Stopwatch.StartNew();
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptTimeout.CancelAfter(connection.Timeout);
                TimeSpan? retryAfter = null;
                int? failedStatus = null;
                string failure;
                MhApiException? finalError = null;
                try
                {
                    using HttpRequestMessage request = CreateRequest(connection, uri);
                    using HttpResponseMessage response = await _http.Value.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token).ConfigureAwait(false);
                    int status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        PhoneNumberPage result = await ReadPageAsync(response, page, uri, attemptTimeout.Token).ConfigureAwait(false);
                        log.Verbose(DescribeSuccess(uri, response, elapsed, result, perPage));
                        log.Debug(PageDebug.Describe(response, result));
                        return result;
                    }
                    log.Verbose($"GET {uri} -> {ApiErrors.StatusText(response)} in {elapsed.ElapsedMilliseconds} ms");
                    if (!RetryPolicy.IsRetryableStatus(status) || retry >= RetryPolicy.MaxRetries)
                    {
                        string body = await ReadErrorBodyAsync(response, attemptTimeout.Token).ConfigureAwait(false);
                        throw ApiErrors.FromResponse(connection, response, body, page, retry);
                    }
                    if (status == 429) onThrottled?.Invoke();
                    retryAfter = RetryPolicy.ParseRetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow);
                    failedStatus = status;
                    failure = ApiErrors.StatusText(response);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"no answer within {connection.Timeout.TotalSeconds:0} s";
                    log.Verbose($"GET {uri} -> timed out after {elapsed.ElapsedMilliseconds} ms");
                    if (retry >= RetryPolicy.MaxRetries)
                    {
                        finalError = new MhApiException(MhErrorKind.Timeout,
                            $"Listing phone numbers failed on page {page}: {connection.BaseUri.Host} gave {failure} ({retry} retries).",
                            "Try again later, or allow more time with Connect-MhAccount -TimeoutSec.") { Page = page };
                    }
                }
                catch (Exception e) when (IsNetworkFailure(e))
                {
                    failure = "network error: " + Innermost(e).Message;
                    log.Verbose($"GET {uri} -> {failure} after {elapsed.ElapsedMilliseconds} ms");
                    if (retry >= RetryPolicy.MaxRetries)
                    {
                        finalError = new MhApiException(MhErrorKind.Connection,
                            $"Listing phone numbers failed on page {page}: could not reach {connection.BaseUri.Host} ({Innermost(e).Message}; {retry} retries).",
                            "Check the network, the proxy and the subdomain or base URI (Get-MhContext), then run the command again.", e) { Page = page };
                    }
                }
                if (finalError is not null) throw finalError;

                double random01;
                lock (RandomLock) random01 = Jitter.NextDouble();
                TimeSpan? wait = RetryPolicy.Delay(retry + 1, retryAfter, random01);
                if (wait is null)
                {
                    // Only a response sets Retry-After: the error is that status's (MhThrottled for a 429).
                    bool throttled = failedStatus == 429;
                    throw new MhApiException(throttled ? MhErrorKind.Throttled : MhErrorKind.ServiceUnavailable,
                        $"Listing phone numbers failed on page {page}: {failure}, and the server asked to wait {retryAfter!.Value.TotalSeconds:0} s, more than the {RetryPolicy.MaxRetryAfter.TotalSeconds:0} s the module waits.",
                        throttled ? "Run the command again later, when the workspace's rate limit has recovered." : "The Mindhunters service is down for a while; run the command again later.")
                    { Page = page, StatusCode = failedStatus };
                }
                log.Verbose(string.Format(CultureInfo.InvariantCulture,
                    "Waiting {0:0.0} s before retry {1} of {2} for page {3} ({4}{5}).",
                    wait.Value.TotalSeconds, retry + 1, RetryPolicy.MaxRetries, page, failure,
                    retryAfter is TimeSpan ra ? $", Retry-After {ra.TotalSeconds:0} s" : ""));
                await _delay(wait.Value, cancellationToken).ConfigureAwait(false);
            }
        }

        private static HttpRequestMessage CreateRequest(MhConnection connection, Uri uri)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("Authorization", connection.CreateAuthorizationHeaderValue());
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            return request;
        }

        private static async Task<PhoneNumberPage> ReadPageAsync(HttpResponseMessage response, int page, Uri uri, CancellationToken cancellationToken)
        {
            PhoneNumberListResponse? body;
            using (Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            using (cancellationToken.Register(() => stream.Dispose()))
            {
                try
                {
                    body = await JsonSerializer.DeserializeAsync(stream, MindhuntersJsonContext.Default.PhoneNumberListResponse, cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException e)
                {
                    throw new MhApiException(MhErrorKind.InvalidResponse,
                        $"Listing phone numbers failed on page {page}: the server's answer ({ApiErrors.StatusText(response)}) is not the JSON the API documents ({e.Message}).",
                        "Run the command again; if it keeps failing, the base URI may point at something other than the Mindhunters API (Get-MhContext).", e)
                    { Page = page, StatusCode = (int)response.StatusCode };
                }
                catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
            if (body?.Data is null)
            {
                throw new MhApiException(MhErrorKind.InvalidResponse,
                    $"Listing phone numbers failed on page {page}: the answer from {uri.Host} has no 'data' object{(body?.Message is string m ? " (message: " + m + ")" : "")}.",
                    "Check that the base URI points at the Mindhunters API (Get-MhContext).") { Page = page, StatusCode = (int)response.StatusCode };
            }
            PaginationInfo? pagination = body.Data.Pagination;
            return new PhoneNumberPage(page, body.Data.Items ?? new System.Collections.Generic.List<PhoneNumber>(),
                pagination?.CurrentPage, pagination?.PerPage, pagination?.Total, pagination?.LastPage, pagination?.HasMore);
        }

        private static string DescribeSuccess(Uri uri, HttpResponseMessage response, Stopwatch elapsed, PhoneNumberPage page, int perPage)
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
            return $"GET {uri} -> {ApiErrors.StatusText(response)} in {elapsed.ElapsedMilliseconds} ms, {items}";
        }

        private static bool IsNetworkFailure(Exception e) => e is HttpRequestException or IOException or WebException;

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException is not null) e = e.InnerException;
            return e;
        }

        private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            try
            {
                using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var buffer = new char[MaxErrorBodyChars];
                int read = 0, n;
                while (read < buffer.Length && (n = await reader.ReadAsync(buffer, read, buffer.Length - read).ConfigureAwait(false)) > 0)
                {
                    read += n;
                    cancellationToken.ThrowIfCancellationRequested();
                }
                return new string(buffer, 0, read);
            }
            catch (Exception e) when (IsNetworkFailure(e))
            {
                return "";
            }
        }
    }
}
